namespace Grader.Data;

/// <summary>
/// One submission of a student on an assignment as the standings read it (<see cref="StandingRows.ReadAsync"/>):
/// when it was received, its current grade (null fields while ungraded) and the student's extended due date, if any.
/// </summary>
/// <param name="AssignmentId">The assignment.</param>
/// <param name="Student">The student, as the submission names them.</param>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ReceivedAt">When it was received (UTC).</param>
/// <param name="Score">Its current grade's raw score.</param>
/// <param name="MaxScore">Its current grade's maximum.</param>
/// <param name="GradedAt">When its current grade was made (UTC).</param>
/// <param name="GradedVersionId">The assignment version its current grade used.</param>
/// <param name="ExtendedDue">The student's extended due date on the assignment (UTC), if granted.</param>
public sealed record StandingAttemptRow(
    string AssignmentId, string Student, long SubmissionId, DateTime ReceivedAt,
    double? Score, double? MaxScore, DateTime? GradedAt, long? GradedVersionId, DateTime? ExtendedDue);
