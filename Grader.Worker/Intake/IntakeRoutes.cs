using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Grader.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Intake;

/// <summary>Intake's route: <c>POST /api/submissions</c> (rule <see cref="AccessRule.Submitter"/>).</summary>
public static class IntakeRoutes
{
    /// <summary>Maps the submission route.</summary>
    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapAccessGroup(AccessRule.Submitter).MapPost("/api/submissions", PostSubmission).DrainsOverSizeBodies();
        return app;
    }

    private static async Task<IResult> PostSubmission(
        HttpRequest request, SubmissionIntake intake, TaTokenStore tokens, StudentDirectory students, IOptions<GraderOptions> options, IOptions<ServiceLimits> limits,
        CancellationToken ct)
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

            if (request.ContentLength > (request.HasFormContentType ? HttpLimitsExtensions.BodyLimit(limits.Value, options.Value) : limit))
            {
                // Declared over the limit: refused unread (a client waiting on 100-continue never sends it).
                (content, over) = ([], true);
            }
            else if (request.HasFormContentType)
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
                (content, over) = await SizeLimitedReader.ReadAsync(stream, limit, ct);
            }
            else
            {
                (content, over) = await SizeLimitedReader.ReadAsync(request.Body, limit, ct);
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
}
