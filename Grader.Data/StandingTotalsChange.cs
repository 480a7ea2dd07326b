namespace Grader.Data;

/// <summary>
/// How an update moves an assignment's totals in <c>standings_computed</c> (<see cref="StandingRows.WriteAsync"/>).
/// </summary>
/// <param name="LastGradedAt">The latest grade time among the updated students' submissions (raises the stored one).</param>
/// <param name="Settled">Submissions that became graded or failed.</param>
/// <param name="Students">Change in the number of counted standings.</param>
/// <param name="CountedSum">Change in the sum of counted scores.</param>
/// <param name="ListedStudents">Change in the number of counted standings of class-list students.</param>
/// <param name="ListedSum">Change in the sum of their counted scores.</param>
/// <param name="MaxAttempts">The most submissions (not rejected) one updated student has made (raises the stored one).</param>
public sealed record StandingTotalsChange(
    DateTime? LastGradedAt, int Settled = 0, int Students = 0, double CountedSum = 0, int ListedStudents = 0, double ListedSum = 0, int MaxAttempts = 0);
