namespace Grader.Data.Entities;

/// <summary>
/// That an assignment's <see cref="StoredStanding"/> rows were computed, under which version's
/// rules, and the last grading seen. An assignment without this row (a database of an earlier
/// release, or one whose rules changed) has its standings computed again from its submissions.
/// </summary>
public sealed class StandingsComputed
{
    /// <summary>The assignment.</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>The assignment version whose rules were applied (null: none loaded).</summary>
    public long? RulesVersionId { get; set; }

    /// <summary>When the standings were last computed in full (UTC).</summary>
    public DateTime ComputedAt { get; set; }

    /// <summary>Counts every change of the assignment's standings (a full recompute or a student's update), so what is derived from them can tell it is out of date.</summary>
    public long Revision { get; set; }

    /// <summary>The latest grading of any of its submissions (UTC).</summary>
    public DateTime? LastGradedAt { get; set; }

    /// <summary>
    /// How many of its submissions are settled: neither rejected nor waiting to be graded (graded or
    /// failed). Moved on by each grade batch (a submission's first grading or failure), set to 0 by
    /// a regrade (every one accepted again); the accepted ones are counted on read, through the
    /// submissions' <c>(AssignmentId, Status)</c> index, so intake writes nothing here.
    /// </summary>
    public int Settled { get; set; }

    /// <summary>How many students have a counted standing (rows in <c>standings</c>).</summary>
    public int Students { get; set; }

    /// <summary>The sum of their counted scores.</summary>
    public double CountedSum { get; set; }

    /// <summary>How many of them are on the class list (their <c>StudentKey</c> is a student's <c>Key</c>).</summary>
    public int ListedStudents { get; set; }

    /// <summary>The sum of the class-list students' counted scores.</summary>
    public double ListedSum { get; set; }

    /// <summary>The most submissions (not rejected) one student made, among those graded or failed at least once since the last full computation.</summary>
    public int MaxAttempts { get; set; }
}
