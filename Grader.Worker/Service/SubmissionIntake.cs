using System.Security.Cryptography;
using Grader.Data.Entities;
using Grader.Domain.Grading;
using Grader.Domain.Students;
using Grader.Worker.Students;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Service;

/// <summary>
/// Takes in a submitted file: checks it (size, YAML/JSON answer file, student id, known
/// assignment), stores it verbatim with its receipt time in one durable commit, and queues an
/// accepted one for grading. A rejected file is stored too, with its reason, and never queued.
/// Once a class list exists, a file must come from its student: a trusted channel (inbox, TA) names
/// a student on the list, anyone else presents that student's token (a file without a student id
/// is filled in with the token's student).
/// </summary>
public sealed class SubmissionIntake(
    AssignmentCatalog catalog,
    SubmissionWriter writer,
    GradingQueue queue,
    ParsedSubmissions parsed,
    StudentDirectory students,
    IOptions<GraderOptions> options,
    ILogger<SubmissionIntake> logger)
{
    /// <summary>Checks, stores and queues a file handed in by <paramref name="submitter"/>.</summary>
    public async Task<IntakeResult> AcceptAsync(byte[] content, string source, string? fileName, Submitter submitter, bool truncated = false, CancellationToken ct = default)
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

        AnswerFile? file = null;
        string? reason;
        var refusedWith = 400;
        var classList = await students.HasClassListAsync(ct);
        if (classList && !submitter.Trusted && submitter.Student is null)
        {
            reason = submitter.PresentedToken
                ? "this sign-in token is not valid (unknown, or replaced by a new link): sign in again with your personal link"
                : "this course has a class list: sign in with your personal link, or send your token as 'Authorization: Bearer TOKEN'";
            refusedWith = 401;
        }
        else
        {
            reason = Check(submission, truncated, classList && submitter.Student is not null, out file);
        }

        if (reason is null && classList)
        {
            (reason, refusedWith) = await CheckStudentAsync(submission, submitter, ct);
        }

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

        return new IntakeResult(submission.Id, reason is null, reason, submission.ReceiptToken, refusedWith);
    }

    /// <summary>With a class list: the file's student must be the token's (or absent, then filled in), or on the list for a trusted channel.</summary>
    private async Task<(string? Reason, int Status)> CheckStudentAsync(Submission submission, Submitter submitter, CancellationToken ct)
    {
        if (submitter.Student is { } signedIn)
        {
            if (submission.Student is not null && !StudentIds.Same(submission.Student, signedIn.StudentId))
            {
                return ($"the answer file is for student '{submission.Student}' but this token belongs to '{signedIn.StudentId}'", 403);
            }

            submission.Student = signedIn.StudentId;
            return (null, 400);
        }

        if (await students.FindAsync(submission.Student, ct) is { } listed)
        {
            submission.Student = listed.StudentId;
            return (null, 400);
        }

        return ($"student '{submission.Student}' is not on the class list", 403);
    }

    private string? Check(Submission submission, bool truncated, bool studentFromToken, out AnswerFile? file)
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
        if (read.File.Student is null && !studentFromToken)
        {
            return "the answer file has no student id (student: ...)";
        }

        submission.AssignmentVersionId = catalog.CurrentVersion(read.File.AssignmentId);
        return submission.AssignmentVersionId is null
            ? $"unknown assignment '{read.File.AssignmentId}' (known: {string.Join(", ", catalog.Ids)})"
            : null;
    }
}
