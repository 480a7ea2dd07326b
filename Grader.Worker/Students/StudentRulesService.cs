using Grader.Domain.Policy;
using Grader.Domain.Students;
using Grader.Worker.Course;
using Grader.Worker.Reports;

namespace Grader.Worker.Students;

/// <summary>
/// A student's rules and standing on one assignment, evaluated by the gradebook's own path
/// (<see cref="ClassRecords.SubmissionStandingsAsync"/>) and the intake's clock and extensions.
/// </summary>
public sealed class StudentRulesService(ClassRecords records, HandoutService handouts, CourseRules rules)
{
    /// <summary>The course rules' clock: now.</summary>
    public DateTimeOffset Now => rules.Now;

    /// <summary>The student's rules, or null when the assignment is not loaded.</summary>
    public async Task<StudentRules?> ForAsync(string assignmentId, string studentId, CancellationToken ct = default)
    {
        if (await handouts.AssignmentAsync(assignmentId, ct) is not { } assignment)
        {
            return null;
        }

        var key = StudentIds.Key(studentId);
        var rows = (await records.SubmissionsAsync(assignmentId, ct)).Where(r => r.Student is { } s && StudentIds.Key(s) == key).ToList();
        var scored = (await records.SubmissionStandingsAsync(assignmentId, rows, ct)).Values
            .OrderBy(s => s.Attempt.ReceivedAt).ThenBy(s => s.Attempt.SubmissionId).ToList();
        var extension = assignment.Policy.Due is null ? null : await rules.ExtensionAsync(assignmentId, studentId, ct); // as the gradebook reads it
        var counts = (await records.StandingsAsync(assignmentId, rows, ct)).FirstOrDefault()?.Counted;
        return StudentRules.Of(assignment.Policy, rules.Zone, scored, rules.Now, extension) with
        {
            Counts = counts is null ? null : scored.FirstOrDefault(s => s.Attempt.SubmissionId == counts.Attempt.SubmissionId),
        };
    }
}
