using System.Text.Json;
using Grader.Data.Entities;
using Grader.Data;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Grader.Worker.Pages.Ta;
using Grader.Worker.Reports;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Intake;

/// <summary>The HTTP API: submissions in, status and reports out, regrades.</summary>
public static class SubmissionApi
{
    /// <summary>Maps the routes under /api.</summary>
    public static WebApplication MapGraderApi(this WebApplication app)
    {
        app.MapPost("/api/submissions", PostSubmission);
        app.MapGet("/api/submissions/{id:long}", GetSubmission);
        app.MapPost("/api/assignments/{id}/regrade", Regrade);
        app.MapPost("/api/assignments/publish", Publish);
        app.MapPost("/api/submissions/{id:long}/overrides", Override);
        app.MapGet("/api/assignments", (AssignmentCatalog catalog) => Results.Json(catalog.Ids));
        app.MapGet("/health", () => Results.Text("ok"));
        return app;
    }

    private static async Task<IResult> PostSubmission(
        HttpRequest request, SubmissionIntake intake, TaTokenStore tokens, StudentDirectory students, IOptions<GraderOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxSubmissionBytes;
        string? fileName = null;
        IFormCollection? form = null;
        byte[] content;
        bool over;
        try
        {
            if (request.HasFormContentType && !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                return Refused(await intake.RejectAsync(
                    "a form-encoded body (curl -d) is not an answer file: send the file as the body (curl --data-binary @FILE -H 'Content-Type: application/yaml') or as a multipart upload (curl -F file=@FILE)",
                    "api", null, 400, ct));
            }

            if (request.HasFormContentType)
            {
                form = await request.ReadFormAsync(ct);
                if (form.Files.Count != 1)
                {
                    return Refused(await intake.RejectAsync(
                        form.Files.Count == 0 ? "the multipart upload has no file (send it as -F file=@FILE)" : $"the multipart upload has {form.Files.Count} files; send one",
                        "api", null, 400, ct));
                }

                fileName = form.Files[0].FileName;
                await using var stream = form.Files[0].OpenReadStream();
                (content, over) = await ReadLimitedAsync(stream, limit, ct);
            }
            else
            {
                (content, over) = await ReadLimitedAsync(request.Body, limit, ct);
            }
        }
        catch (Exception ex) when (RequestShield.IsBodyFault(ex, ct))
        {
            var (status, error) = RequestShield.BodyRefusal(ex);
            var reason = status == 413 ? $"the file is over the size limit of {limit} bytes (it was not stored)" : error;
            return Refused(await intake.RejectAsync(reason, "api", fileName, status, ct));
        }

        var token = StudentSignIn.TokenOf(request, form);
        var submitter = tokens.Matches(token) ? Submitter.TrustedChannel : Submitter.Presenting(token, await students.FindByTokenAsync(token, ct));
        var result = await intake.AcceptAsync(content, "api", fileName, submitter, over, ct);
        var url = result.StatusPath;
        return result.Accepted
            ? Results.Accepted(url, new { id = result.Id, status = "accepted", statusUrl = url, receipt = result.ReceiptToken, reportUrl = result.ReportPath })
            : Refused(result);
    }

    /// <summary>A rejected submission's answer: its id (it is kept), status and reason, with the status that says why.</summary>
    private static IResult Refused(IntakeResult result) =>
        Results.Json(new { id = result.Id, status = "rejected", error = result.Reason }, statusCode: result.RefusedWith);

    private static async Task<IResult> GetSubmission(long id, HttpContext http, TaTokenStore tokens, IDbContextFactory<GraderDbContext> dbFactory, StudentViews views, AssignmentCatalog catalog, CancellationToken ct)
    {
        var access = Credentials.Of(http, tokens);
        if (!access.HasCredential)
        {
            return access.Refuse(http.Request);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (access.Deny(http.Request, id, found?.ReceiptToken) is { } denied)
        {
            return denied;
        }

        var s = found!;
        var grades = await db.Grades.AsNoTracking().Where(g => g.SubmissionId == id).OrderBy(g => g.Generation).ToListAsync(ct);
        var current = grades.LastOrDefault(g => g.IsCurrent);
        return Results.Json(new
        {
            id = s.Id,
            status = s.Status.ToString().ToLowerInvariant(),
            assignment = s.AssignmentId,
            student = s.Student,
            receivedAt = s.ReceivedAt,
            gradedAt = current?.GradedAt,
            reason = s.Reason,
            score = current?.Score,
            maxScore = current?.MaxScore,
            report = current is null ? (JsonElement?)null : await VisibleReportAsync(current.ReportJson, s, access, views, ct),
            history = grades.Select(g => new { generation = g.Generation, score = g.Score, maxScore = g.MaxScore, gradedAt = g.GradedAt, current = g.IsCurrent, assignmentVersion = g.AssignmentVersionId }),
            gradedAgainstCurrentVersion = current is null || s.AssignmentId is null ? (bool?)null : catalog.CurrentVersion(s.AssignmentId) == current.AssignmentVersionId,
        });
    }

    private static async Task<JsonElement> VisibleReportAsync(string json, Submission s, Credentials access, StudentViews views, CancellationToken ct)
    {
        var (report, _) = await views.ForAsync(s, Domain.Output.GradeReportJsonReader.Read(json), access, ct);
        return JsonDocument.Parse(Domain.Output.GradeReportJson.Write(report, indented: false)).RootElement;
    }

    private static Task<IResult> Regrade(string id, HttpContext http, TaTokenStore tokens, RegradeService regrade, CancellationToken ct) =>
        ReportEndpoints.ForTa(http, tokens, async () => await regrade.RegradeAsync(id, ct) switch
        {
            { Queued: { } count } => Results.Json(new { assignment = id, queued = count }, statusCode: 202),
            { Refused: { } p } => Results.Json(
                new { error = $"the assignment file {Path.GetFileName(p.File)} is invalid; nothing was regraded and the previous version stays in force", problems = p.Problems },
                statusCode: 422),
            _ => Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404),
        });

    private static Task<IResult> Override(long id, OverrideRequest body, HttpContext http, TaTokenStore tokens, ManualGradingService manual, CancellationToken ct) =>
        ReportEndpoints.ForTa(http, tokens, async () =>
        {
            if (string.IsNullOrWhiteSpace(body.Question) || body.Score is null)
            {
                return Results.Json(new { error = "say which question and score: {\"question\": ..., \"score\": ..., \"comment\": ...}" }, statusCode: 400);
            }

            if (OverrideRequest.Problem(body) is { } problem)
            {
                return Results.Json(new { error = problem }, statusCode: 400);
            }

            var (total, error) = await manual.OverrideAsync(id, body.Question, body.Score.Value, body.Comment ?? "", string.IsNullOrWhiteSpace(body.By) ? "ta" : body.By.Trim(), ct);
            return total is null
                ? Results.Json(new { error }, statusCode: error!.StartsWith("submission", StringComparison.Ordinal) ? 409 : 400)
                : Results.Json(new { submission = id, question = body.Question, score = body.Score, total });
        });

    private static Task<IResult> Publish(HttpContext http, TaTokenStore tokens, AssignmentCatalog catalog, CancellationToken ct) =>
        ReportEndpoints.ForTa(http, tokens, async () =>
        {
            var result = await catalog.ReloadAsync(ct);
            return Results.Json(
                new
                {
                    published = result.Published,
                    unchanged = result.Unchanged,
                    refused = result.Refused.Select(p => new { file = Path.GetFileName(p.File), assignment = p.AssignmentId, problems = p.Problems }),
                },
                statusCode: result.Ok ? 200 : 422);
        });

    /// <summary>Reads at most <paramref name="limit"/> bytes; Over when the body holds more (the rest is not read).</summary>
    private static async Task<(byte[] Content, bool Over)> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), false);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
