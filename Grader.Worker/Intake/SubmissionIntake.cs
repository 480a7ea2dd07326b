using System.Security.Cryptography;
using Grader.Data.Entities;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;
using Grader.Domain.Students;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Grader.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Intake;

/// <summary>
/// Takes in a submitted file: checks it (size, YAML/JSON answer file, student id, known
/// assignment), stores it verbatim with its receipt time in one durable commit, and queues an
/// accepted one for grading. A rejected file is stored too, with its reason, and never queued.
/// Once a class list exists, a file must come from its student: a trusted channel (inbox, TA) names
/// a student on the list, anyone else presents that student's token (a file without a student id
/// is filled in with the token's student).
/// </summary>
public sealed partial class SubmissionIntake(
    AssignmentCatalog catalog,
    SubmissionWriter writer,
    GradingQueue queue,
    ParsedSubmissions parsed,
    SubmissionGrader grader,
    StudentDirectory students,
    IOptions<GraderOptions> options,
    IOptions<ServiceLimits> limits,
    CourseRules rules,
    Grader.Worker.Telemetry.GraderMetrics metrics,
    ILogger<SubmissionIntake> logger)
{
    /// <summary>
    /// Checks, stores and queues a file handed in by <paramref name="submitter"/>. A file over the
    /// size limit (<paramref name="truncated"/>: <see cref="SizeLimitedReader"/> found more) is stored as rejected
    /// without its content (413), never truncated.
    /// </summary>
    public async Task<IntakeResult> AcceptAsync(byte[] content, string source, string? fileName, Submitter submitter, bool truncated = false, CancellationToken ct = default)
    {
        if (truncated)
        {
            return await RejectAsync($"the file is over the size limit of {options.Value.MaxSubmissionBytes} bytes (it was not stored)", source, fileName, 413, ct);
        }

        var submission = New(content, source, fileName);

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
            reason = Check(submission, classList && submitter.Student is not null, ct, out file);
        }

        if (reason is null && classList)
        {
            (reason, refusedWith) = await CheckStudentAsync(submission, submitter, ct);
        }

        var assignment = reason is null && submission.AssignmentVersionId is { } version ? await catalog.GetVersionAsync(version, ct) : null;

        // A file that answers no question of its assignment is refused before it can use an attempt.
        if (assignment is not null && file is not null && AnswerCoverage.Problem(assignment, file) is { } uncovered)
        {
            reason = LogText.Escape(uncovered, 1000);
        }

        // The course rules (dates, attempts) by the receipt time; one student's intake for one
        // assignment is held from the attempt count to the commit.
        IDisposable? held = null;
        if (reason is null && assignment is not null && CourseRules.Restricts(assignment.Policy))
        {
            held = await rules.HoldAsync(assignment.Id, submission.Student!, ct);
            try
            {
                var admission = await rules.AdmitAsync(assignment, submission.Student!, new DateTimeOffset(submission.ReceivedAt, TimeSpan.Zero), ct);
                reason = admission.Accepted ? null : admission.Reason;
            }
            catch
            {
                held.Dispose();
                throw;
            }
        }

        // A signed-in student's refused file is kept as theirs, whatever student it names (or none):
        // it is theirs to open, and never another student's record naming them.
        if (reason is not null && submitter.Student is { } sender)
        {
            submission.Student = sender.StudentId;
        }

        return await StoreAsync(submission, reason, file, refusedWith, held, ct, assignment);
    }

    /// <summary>Stores a refused upload (no usable content: over-size, malformed) as rejected with its reason.</summary>
    public async Task<IntakeResult> RejectAsync(string reason, string source, string? fileName, int status, CancellationToken ct = default) =>
        await StoreAsync(New([], source, fileName), reason, null, status, null, ct);

    private Submission New(byte[] content, string source, string? fileName) => new()
    {
        ReceivedAt = rules.Now.UtcDateTime,
        Content = content,
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        Source = source,
        FileName = fileName is null ? null : Cut(Path.GetFileName(fileName), 255),
        ReceiptToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Writes the submission (accepted or rejected); <paramref name="held"/> (the student's course-rules hold) is released once it is committed.</summary>
    private async Task<IntakeResult> StoreAsync(
        Submission submission, string? reason, AnswerFile? file, int refusedWith, IDisposable? held, CancellationToken ct, Domain.Assignments.Assignment? assignment = null)
    {
        var source = submission.Source;
        submission.Status = reason is null ? SubmissionStatus.Accepted : SubmissionStatus.Rejected;
        submission.Reason = reason;
        bool graded;
        try
        {
            // Graded here, while the file is in hand, and stored with the submission in one commit.
            var grade = reason is null && options.Value.GradeAtIntake && assignment is not null
                ? grader.GradeAtIntake(submission.AssignmentId, submission.Student, submission.AssignmentVersionId, assignment, file!)
                : null;
            graded = await writer.WriteAsync(submission, grade, ct);
        }
        finally
        {
            held?.Dispose();
        }

        if (reason is null)
        {
            if (!graded)
            {
                parsed.Keep(submission.Id, file!);
                queue.Enqueue([submission.Id]);
            }

            metrics.Accepted();
            logger.LogInformation("Accepted submission {SubmissionId} for {Assignment} from {Student} via {Source}", submission.Id, submission.AssignmentId, LogText.Quote(submission.Student), source);
        }
        else
        {
            metrics.Rejected(reason, refusedWith);
            logger.LogInformation("Rejected submission {SubmissionId} via {Source}: {Reason}", submission.Id, source, LogText.Quote(reason, 300));
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

    private string? Check(Submission submission, bool studentFromToken, CancellationToken ct, out AnswerFile? file)
    {
        file = null;
        if (submission.Content.Length == 0)
        {
            return "the file is empty";
        }

        // Answers written as expressions are evaluated here, under the same budget as grading.
        AnswerFileReadResult read;
        using (EvaluationBudget.Use(new EvaluationBudget(limits.Value.GradingTimeBudget, ct)))
        {
            read = AnswerFileReader.Read(submission.Content, submission.FileName ?? "submission");
        }

        if (read.File is null)
        {
            return "not an answer file: " + LogText.Escape(string.Join("; ", read.Diagnostics.Select(d => $"line {d.Line}, column {d.Column}: {d.Message}")), 1000);
        }

        file = read.File;
        if (!AssignmentIdPattern().IsMatch(read.File.AssignmentId))
        {
            return $"unknown assignment '{LogText.Escape(read.File.AssignmentId, 100)}' (an id is letters, digits and '-'; known: {string.Join(", ", catalog.Ids)})";
        }

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

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]{1,100}$")]
    private static partial System.Text.RegularExpressions.Regex AssignmentIdPattern();
}
