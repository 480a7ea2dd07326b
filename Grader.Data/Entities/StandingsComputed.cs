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
}
