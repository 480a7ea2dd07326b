namespace Grader.Data;

/// <summary>What <see cref="StandingRows.ReadAsync"/> reads for a few (assignment, student) pairs.</summary>
/// <param name="Rows">Their submissions that are not rejected, with their current grades.</param>
/// <param name="Before">Each pair's stored standing before the update, and whether the student is on the class list.</param>
public sealed record StandingRead(List<StandingAttemptRow> Rows, Dictionary<(string AssignmentId, string Student), StandingBefore> Before);
