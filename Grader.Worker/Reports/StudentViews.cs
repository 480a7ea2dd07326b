using Grader.Data.Entities;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Worker.Access;
using Grader.Worker.Course;

namespace Grader.Worker.Reports;

/// <summary>
/// What a report shows to whoever asks: a TA the full report, anyone else (a receipt holder, a
/// student) the report with every unreleased key redacted by <see cref="KeyRedaction"/>. The API
/// and the report page both come through here. The rules in force are the assignment's current
/// version's (falling back to the graded version's): a question's <c>show_key</c>, and for
/// <c>after_due</c> the time submissions close for everyone, extensions included.
/// </summary>
public sealed class StudentViews(AssignmentCatalog catalog, CourseRules rules)
{
    /// <summary>The report as this access may see it, with the ids of the questions whose key is withheld.</summary>
    public async Task<(GradeReport Report, IReadOnlySet<string> Withheld)> ForAsync(Submission submission, GradeReport full, Credentials access, CancellationToken ct)
    {
        if (access.IsTa)
        {
            return (full, new HashSet<string>());
        }

        var assignment = await RulesAsync(submission, ct);
        var releaseAt = assignment is null ? null : await rules.KeyReleaseAtAsync(assignment, ct);
        var now = rules.Now;
        var withheld = full.Questions
            .Where(q => assignment?.FindQuestion(q.Id) is not { } question
                || !KeyRelease.IsReleased(question.ShowKey(assignment.Defaults), graded: true, releaseAt, now))
            .Select(q => q.Id).ToHashSet();
        return (KeyRedaction.ForStudent(full, withheld.Contains), withheld);
    }

    private async Task<Assignment?> RulesAsync(Submission s, CancellationToken ct) =>
        (s.AssignmentId is not null && catalog.CurrentVersion(s.AssignmentId) is { } current ? await catalog.GetVersionAsync(current, ct) : null)
        ?? (s.AssignmentVersionId is { } graded ? await catalog.GetVersionAsync(graded, ct) : null);
}
