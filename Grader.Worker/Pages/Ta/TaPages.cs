using Grader.Domain.Reports;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Reports;
using Grader.Worker.Students;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Pages.Ta;

/// <summary>The TA pages, on the service's own listener, and the report page a receipt also opens.</summary>
public static class TaPages
{
    /// <summary>Maps <c>/</c>, <c>/assignments/{id}</c>, <c>/submissions/{id}</c> and its manual-grading form's <c>POST /submissions/{id}/overrides</c>.</summary>
    public static IEndpointRouteBuilder MapTaPages(this IEndpointRouteBuilder app)
    {
        var ta = app.MapAccessGroup(AccessRule.Ta);
        ta.MapGet("/", async (ClassRecords records, StudentDirectory students, AssignmentCatalog catalog, CancellationToken ct) =>
        {
            var classList = await students.ListAsync(ct);
            return HomePage.Of(
                assignments: await records.AssignmentsAsync(classList.Count == 0 ? null : classList.Select(s => Domain.Students.StudentIds.Key(s.StudentId)).ToHashSet(), ct),
                students: classList.Count,
                problems: catalog.Problems);
        });

        ta.MapGet("/assignments/{id}", async Task<IResult> (string id, ClassRecords records, AssignmentCatalog catalog, CourseRules rules,
            StudentDirectory students, IOptions<GradebookOptions> gradebook, AnswerGroupService answerGroups, CancellationToken ct) =>
        {
            var rows = await records.SubmissionsAsync(id, ct);
            var title = catalog.CurrentVersion(id) is { } v ? (await catalog.GetVersionAsync(v, ct))?.Title : null;
            if (title is null && rows.Count == 0)
            {
                return PageResult.Message(404, "Not found", $"No assignment '{LogText.Escape(id, 100)}'", linkHref: "/", linkText: "← assignments");
            }

            var book = await Gradebooks.BuildAsync(id, records, catalog, students, gradebook.Value, ct);
            var stats = ClassStatistics.Of([.. book.Students.Select(r => r.Report)]);
            var assignment = catalog.CurrentVersion(id) is { } cv ? await catalog.GetVersionAsync(cv, ct) : null;
            return AssignmentPage.Of(
                id: id,
                title: title ?? id,
                rows: rows,
                statistics: stats,
                policy: assignment?.Policy,
                zone: rules.Zone,
                extensions: await rules.ExtensionsAsync(id, ct),
                standing: await records.SubmissionStandingsAsync(id, rows, ct),
                countedIds: book.Students.Select(c => c.Standing.Row.Id).ToHashSet(),
                gradebook: book,
                answerGroups: await answerGroups.ListAsync(id, null, ct) ?? []);
        });

        ta.MapPost("/submissions/{id:long}/overrides", async (long id, [FromForm] string? question, [FromForm] string? score, [FromForm] string? comment, [FromForm] string? by,
            ManualGradingService manual, CancellationToken ct) =>
        {
            var message = await ManualOverrideForm.ApplyAsync(id, question, score, comment, by, manual, ct);
            return Results.Redirect($"/submissions/{id}?message={Uri.EscapeDataString(message)}");
        });

        app.MapAccessGroup(AccessRule.TaReceiptOrOwner).MapGet("/submissions/{id:long}", SubmissionAsync);
        return app;
    }

    private static async Task<IResult> SubmissionAsync(long id, string? message, HttpContext http, SubmissionViews views, AssignmentCatalog catalog,
        RegradeRequestService regrades, StudentRulesService studentRules, AnswerGroupService answerGroups, CancellationToken ct)
    {
        var access = AccessGate.CredentialsOf(http);
        var (view, refused) = await views.ReadAsync(id, access, http.Request, withAudit: true, ct);
        if (view is null)
        {
            return refused!;
        }

        var submission = view.Submission;
        var report = view.Graded;
        var history = view.History;
        var assignment = submission.AssignmentVersionId is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        var closed = access.IsTa || report is null || history.Count == 0
            ? "not for this reader"
            : await regrades.ClosedAsync(submission, report.Questions.Select(q => q.Id), new DateTimeOffset(history[0].GradedAt, TimeSpan.Zero), ct);
        var standing = submission.AssignmentId is { } aid && submission.Student is { } who
            ? (await studentRules.ForAsync(aid, who, ct))?.Submissions.FirstOrDefault(s => s.Attempt.SubmissionId == id)
            : null;
        return SubmissionPage.Of(
            submission: submission,
            report: view.Report,
            assignment: assignment,
            isTa: access.IsTa,
            withheld: view.Withheld,
            history: history,
            version: view.Version,
            audit: view.Audit,
            message: access.IsTa ? message : null,
            regradeRequests: await regrades.ForSubmissionAsync(id, ct),
            regradeClosed: closed,
            receipt: access.IsTa ? null : access.Receipt,
            standing: standing,
            undoneGroups: view.Audit is { } audit ? await answerGroups.UndoneAsync(audit.Select(o => o.AnswerGroupRuleId).OfType<long>(), ct) : null);
    }
}
