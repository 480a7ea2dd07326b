using System.Security.Cryptography;
using Grader.Data.Entities;
using Grader.Domain.Grading;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Service;

/// <summary>
/// Takes in a submitted file: checks it (size, YAML/JSON answer file, student id, known
/// assignment), stores it verbatim with its receipt time in one durable commit, and queues an
/// accepted one for grading. A rejected file is stored too, with its reason, and never queued.
/// </summary>
public sealed class SubmissionIntake(
    AssignmentCatalog catalog,
    SubmissionWriter writer,
    GradingQueue queue,
    ParsedSubmissions parsed,
    IOptions<GraderOptions> options,
    ILogger<SubmissionIntake> logger)
{
    /// <summary>Checks, stores and queues a file.</summary>
    public async Task<IntakeResult> AcceptAsync(byte[] content, string source, string? fileName, bool truncated = false, CancellationToken ct = default)
    {
        var submission = new Submission
        {
            ReceivedAt = DateTime.UtcNow,
            Content = content,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
            Source = source,
            FileName = fileName is null ? null : Path.GetFileName(fileName),
            ReceiptToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
        };

        var reason = Check(submission, truncated, out var file);
        submission.Status = reason is null ? SubmissionStatus.Accepted : SubmissionStatus.Rejected;
        submission.Reason = reason;
        await writer.WriteAsync(submission, ct);
        if (reason is null)
        {
            parsed.Keep(submission.Id, file!);
            queue.Enqueue([submission.Id]);
            logger.LogInformation("Accepted submission {SubmissionId} for {Assignment} from {Student} via {Source}", submission.Id, submission.AssignmentId, submission.Student, source);
        }
        else
        {
            logger.LogInformation("Rejected submission {SubmissionId} via {Source}: {Reason}", submission.Id, source, reason);
        }

        return new IntakeResult(submission.Id, reason is null, reason, submission.ReceiptToken);
    }

    private string? Check(Submission submission, bool truncated, out AnswerFile? file)
    {
        file = null;
        var limit = options.Value.MaxSubmissionBytes;
        if (truncated || submission.Content.LongLength > limit)
        {
            return $"the file is over the size limit of {limit} bytes";
        }

        if (submission.Content.Length == 0)
        {
            return "the file is empty";
        }

        var read = AnswerFileReader.Read(submission.Content, submission.FileName ?? "submission");
        if (read.File is null)
        {
            return "not an answer file: " + string.Join("; ", read.Diagnostics.Select(d => $"line {d.Line}, column {d.Column}: {d.Message}"));
        }

        file = read.File;
        submission.AssignmentId = read.File.AssignmentId;
        submission.Student = read.File.Student;
        if (read.File.Student is null)
        {
            return "the answer file has no student id (student: ...)";
        }

        submission.AssignmentVersionId = catalog.CurrentVersion(read.File.AssignmentId);
        return submission.AssignmentVersionId is null
            ? $"unknown assignment '{read.File.AssignmentId}' (known: {string.Join(", ", catalog.Ids)})"
            : null;
    }
}
