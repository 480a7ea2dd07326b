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
        ta.MapGet("/", async (StandingStore standings, StudentDirectory students, AssignmentCatalog catalog, CancellationToken ct) =>
        {
            var classList = await students.ListAsync(ct);
            return HomePage.Of(
                assignments: await standings.SummariesAsync(classListOnly: classList.Count > 0, ct),
                students: classList.Count,
                problems: catalog.Problems);
        });

        ta.MapGet("/assignments/{id}", async Task<IResult> (string id, HttpRequest request, ClassRecords records, SubmissionPaging paging, StandingStore standings, StatisticsCache statistics,
            AssignmentCatalog catalog, CourseRules rules, StudentDirectory students, IOptions<GradebookOptions> gradebook, AnswerGroupCache answerGroups, CancellationToken ct) =>
        {
            if (SubmissionQuery.Parse(request.Query, out var problem) is not { } query)
            {
                return PageResult.Message(400, "Bad request", problem!, linkHref: $"/assignments/{Uri.EscapeDataString(id)}", linkText: "← the first page");
            }

            var listing = await paging.PageAsync(id, query, ct);
            var title = catalog.CurrentVersion(id) is { } v ? (await catalog.GetVersionAsync(v, ct))?.Title : null;
            if (title is null && !await Gradebooks.IsKnownAsync(id, records, catalog, ct))
            {
                return PageResult.Message(404, "Not found", $"No assignment '{LogText.Escape(id, 100)}'", linkHref: "/", linkText: "← assignments");
            }

            var book = await PageGradebook.BuildAsync(id, standings, catalog, students, gradebook.Value, ct);
            var assignment = catalog.CurrentVersion(id) is { } cv ? await catalog.GetVersionAsync(cv, ct) : null;
            var (standing, counted) = await paging.StandingsAsync(id, listing.Rows, ct);
            var (late, maxAttempt) = await paging.CountsAsync(id, ct);
            var (groups, groupsPending) = await answerGroups.ForAsync(id, ct);
            return AssignmentPage.Of(
                id: id,
                title: title ?? id,
                listing: listing,
                statistics: await statistics.ForAsync(id, ct),
                policy: assignment?.Policy,
                zone: rules.Zone,
                extensions: await rules.ExtensionsAsync(id, ct),
                standing: standing,
                countedIds: counted,
                gradebook: book,
                lateCount: late,
                maxAttempt: maxAttempt,
                answerGroups: groups,
                answerGroupsPending: groupsPending);
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
            receipt: access.IsTa || submission.ReceiptToken is not { } own || !access.MayRead(own) ? null : access.Receipt, // only this submission's own receipt goes on its forms
            standing: standing,
            undoneGroups: view.Audit is { } audit ? await answerGroups.UndoneAsync(audit.Select(o => o.AnswerGroupRuleId).OfType<long>(), ct) : null);
    }
}
