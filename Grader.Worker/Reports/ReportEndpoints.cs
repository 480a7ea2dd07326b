using Grader.Domain.Reports;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Pages.Ta;
using Grader.Worker.Students;
using Grader.Worker.Service;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Reports;

/// <summary>The TA pages and gradebook exports, on the service's own listener.</summary>
public static class ReportEndpoints
{
    /// <summary>Maps <c>/</c>, <c>/assignments/{id}</c>, <c>/submissions/{id}</c> (with its manual-grading form's <c>POST /submissions/{id}/overrides</c>) and the gradebook exports.</summary>
    public static WebApplication MapReportPages(this WebApplication app)
    {
        app.MapGet("/", (HttpContext http, TaTokenStore tokens, StandingStore standings, StudentDirectory students, AssignmentCatalog catalog, CancellationToken ct) =>
            ForTa(http, tokens, async () =>
            {
                var classList = await students.ListAsync(ct);
                return PageResult.Of<HomePage>(new
                {
                    Assignments = await standings.SummariesAsync(classListOnly: classList.Count > 0, ct),
                    Students = classList.Count,
                    Problems = catalog.Problems,
                });
            }));

        app.MapGet("/assignments/{id}", (string id, HttpContext http, TaTokenStore tokens, ClassRecords records, SubmissionPaging paging, StandingStore standings, StatisticsCache statistics, AssignmentCatalog catalog, CourseRules rules,
            StudentDirectory students, IOptions<GradebookOptions> gradebook, CancellationToken ct) =>
            ForTa(http, tokens, async () =>
        {
            if (SubmissionQuery.Parse(http.Request.Query, out var problem) is not { } query)
            {
                return PageResult.Message(400, "Bad request", problem!, linkHref: $"/assignments/{Uri.EscapeDataString(id)}", linkText: "← the first page");
            }

            var listing = await paging.PageAsync(id, query, ct);
            var title = catalog.CurrentVersion(id) is { } v ? (await catalog.GetVersionAsync(v, ct))?.Title : null;
            if (title is null && listing.Total == 0 && !await IsKnownAsync(id, records, catalog, ct))
            {
                return PageResult.Message(404, "Not found", $"No assignment '{Hardening.LogText.Escape(id, 100)}'", linkHref: "/", linkText: "← assignments");
            }

            var book = await PageGradebook.BuildAsync(id, standings, catalog, students, gradebook.Value, ct);
            var stats = await statistics.ForAsync(id, ct);
            var assignment = catalog.CurrentVersion(id) is { } cv ? await catalog.GetVersionAsync(cv, ct) : null;
            var (standing, counted) = await paging.StandingsAsync(id, listing.Rows, ct);
            var (late, maxAttempt) = await paging.CountsAsync(id, ct);
            return PageResult.Of<AssignmentPage>(new
            {
                Id = id,
                Title = title ?? id,
                Listing = listing,
                Statistics = stats,
                Policy = assignment?.Policy,
                Zone = rules.Zone,
                Extensions = (IReadOnlyList<Grader.Data.Entities.Extension>)await rules.ExtensionsAsync(id, ct),
                Standing = (IReadOnlyDictionary<long, Domain.Policy.ScoredAttempt>)standing,
                CountedIds = (IReadOnlySet<long>)counted,
                LateCount = (int?)late,
                MaxAttempt = (int?)maxAttempt,
                Gradebook = book,
            });
        }));

        app.MapGet("/submissions/{id:long}", async (long id, string? message, HttpContext http, TaTokenStore tokens, ClassRecords records, AssignmentCatalog catalog, StudentViews views, ManualGradingService manual,
            RegradeRequestService regrades, Students.StudentRulesService studentRules, CancellationToken ct) =>
        {
            var access = Access.Of(http, tokens);
            if (!access.HasCredential)
            {
                return access.Refuse(http.Request);
            }

            if (access.SignInRedirect(http.Request) is { } redirect)
            {
                return redirect;
            }

            var found = await records.SubmissionAsync(id, ct);
            if (access.Deny(http.Request, id, found?.Submission.ReceiptToken) is { } denied)
            {
                return denied;
            }

            var (submission, report) = found!.Value;
            var assignment = submission.AssignmentVersionId is { } v ? await catalog.GetVersionAsync(v, ct) : null;
            var (visible, withheld) = report is null ? (null, new HashSet<string>()) : await views.ForAsync(submission, report, access, ct);
            var history = await records.HistoryAsync(id, ct);
            var version = await records.VersionNoteAsync(submission.AssignmentId, history, ct);
            var audit = access.IsTa ? await manual.AuditAsync(id, ct) : null;
            var closed = access.IsTa || report is null || history.Count == 0
                ? "not for this reader"
                : await regrades.ClosedAsync(submission, report.Questions.Select(q => q.Id), new DateTimeOffset(history[0].GradedAt, TimeSpan.Zero), ct);
            var standing = submission.AssignmentId is { } aid && submission.Student is { } who
                ? (await studentRules.ForAsync(aid, who, ct))?.Submissions.FirstOrDefault(s => s.Attempt.SubmissionId == id)
                : null;
            return PageResult.Of<SubmissionPage>(new
            {
                Standing = standing,
                Submission = submission,
                Report = visible,
                Assignment = assignment,
                IsTa = access.IsTa,
                Withheld = (IReadOnlySet<string>)withheld,
                History = (IReadOnlyList<GradeHistoryEntry>)history,
                Version = version,
                Audit = (IReadOnlyList<Grader.Data.Entities.ScoreOverrideRecord>?)audit,
                Message = access.IsTa ? message : null,
                RegradeRequests = (IReadOnlyList<Grader.Data.Entities.RegradeRequest>)await regrades.ForSubmissionAsync(id, ct),
                RegradeClosed = closed,
                Receipt = access.IsTa ? null : access.Receipt,
            });
        });

        app.MapPost("/submissions/{id:long}/overrides", (long id, [FromForm] string? question, [FromForm] string? score, [FromForm] string? comment, [FromForm] string? by,
            HttpContext http, TaTokenStore tokens, ManualGradingService manual, CancellationToken ct) =>
            ForTa(http, tokens, async () =>
            {
                var message = await ManualOverrideForm.ApplyAsync(id, question, score, comment, by, manual, ct);
                return Results.Redirect($"/submissions/{id}?message={Uri.EscapeDataString(message)}");
            }));

        app.MapGet("/assignments/{id}/gradebook.csv", (string id, HttpContext http, TaTokenStore tokens, ClassRecords records, StandingStore standings, AssignmentCatalog catalog,
            StudentDirectory students, IOptions<GradebookOptions> gradebook, CancellationToken ct) =>
            ForTa(http, tokens, async () => await IsKnownAsync(id, records, catalog, ct)
                ? Results.Stream(s => GradebookExport.CsvAsync(s, id, standings, records, catalog, students, gradebook.Value, ct), "text/csv; charset=utf-8", $"{id}-gradebook.csv")
                : UnknownAssignment(id)));

        app.MapGet("/assignments/{id}/gradebook.json", (string id, HttpContext http, TaTokenStore tokens, ClassRecords records, StandingStore standings, AssignmentCatalog catalog,
            StudentDirectory students, IOptions<GradebookOptions> gradebook, CancellationToken ct) =>
            ForTa(http, tokens, async () => await IsKnownAsync(id, records, catalog, ct)
                ? Results.Stream(s => GradebookExport.JsonAsync(s, id, standings, records, catalog, students, gradebook.Value, ct), "application/json")
                : UnknownAssignment(id)));
        return app;
    }

    /// <summary>True when the assignment is loaded or has submissions (as for its page).</summary>
    public static async Task<bool> IsKnownAsync(string id, ClassRecords records, AssignmentCatalog catalog, CancellationToken ct) =>
        catalog.CurrentVersion(id) is not null || await records.HasSubmissionsAsync(id, ct);

    private static IResult UnknownAssignment(string id) =>
        Results.Json(new { error = $"unknown assignment '{Hardening.LogText.Escape(id, 100)}'" }, statusCode: 404);

    /// <summary>Runs a TA-only handler, or refuses the request: 403 for a signed-in student, 401 for anyone else without the TA token.</summary>
    public static async Task<IResult> ForTa(HttpContext http, TaTokenStore tokens, Func<Task<IResult>> handler)
    {
        var access = Access.Of(http, tokens);
        if (access.IsTa)
        {
            return access.SignInRedirect(http.Request) ?? await handler();
        }

        var student = await http.RequestServices.GetRequiredService<Students.StudentSignIn>().StudentAsync(http.Request, ct: http.RequestAborted);
        return (access with { IsStudent = student is not null }).Refuse(http.Request);
    }

    /// <summary>
    /// The gradebook of an assignment, questions in the assignment's order; when a class list
    /// exists, a row for each of its students and no other (<see cref="GradebookOptions.Missing"/>
    /// for those with no counted submission). With <paramref name="standings"/>, the stored standings are read instead of every submission.
    /// </summary>
    public static async Task<Gradebook> BuildAsync(string id, ClassRecords records, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options, CancellationToken ct,
        StandingStore? standings = null)
    {
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        var classList = await students.ListAsync(ct);
        return Gradebook.Of(id, standings is null ? await records.CountedReportsAsync(id, ct) : await standings.CountedReportsAsync(id, records, ct), assignment?.Questions.Select(q => q.Id) ?? [],
            [.. classList.Select(s => s.StudentId)], options.Missing, assignment?.Questions.Sum(q => q.Points(assignment.Defaults))) with
        {
            Contacts = classList.GroupBy(s => Domain.Students.StudentIds.Key(s.StudentId)).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Email)),
        };
    }
}
