namespace Grader.Data.Entities;

/// <summary>Where a submission is in its life.</summary>
public enum SubmissionStatus
{
    /// <summary>Stored and queued, not yet graded.</summary>
    Accepted,

    /// <summary>Graded; its current grade is the latest.</summary>
    Graded,

    /// <summary>Grading failed permanently; see the reason.</summary>
    Failed,

    /// <summary>Refused on arrival (unknown assignment, unreadable, too large, no student); never queued.</summary>
    Rejected,
}
