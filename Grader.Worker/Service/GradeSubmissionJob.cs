using Grader.Data;
using Grader.Data.Entities;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Grader.Worker.Service;

/// <summary>
/// Grades one submission's generation and stores the grade. Idempotent: a grade for the same
/// (submission, generation) is never stored twice, and a job superseded by a regrade does nothing.
/// A locked database is retried with back-off; a permanent fault leaves the submission failed.
/// </summary>
public sealed class GradeSubmissionJob(
    IDbContextFactory<GraderDbContext> dbFactory,
    AssignmentCatalog catalog,
    ILogger<GradeSubmissionJob> logger) : IJob
{
    /// <summary>Job data key of the submission id.</summary>
    public const string SubmissionIdKey = "submissionId";

    /// <summary>Job data key of the generation.</summary>
    public const string GenerationKey = "generation";

    private const int Attempts = 6;

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = context.MergedJobDataMap.GetLong(SubmissionIdKey);
        var generation = context.MergedJobDataMap.GetInt(GenerationKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GradeAsync(id, generation, cancellationToken);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < Attempts)
            {
                var delay = TimeSpan.FromMilliseconds(50 * Math.Pow(2, attempt));
                logger.LogWarning(ex, "Transient fault grading submission {SubmissionId}; attempt {Attempt}, retrying in {Delay}", id, attempt, delay);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                throw new JobExecutionException(ex);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Grading submission {SubmissionId} failed", id);
                await MarkFailedAsync(id, generation, "grading failed: " + ex.Message, cancellationToken);
                return;
            }
        }
    }

    private async Task GradeAsync(long id, int generation, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is null || submission.Generation != generation || submission.Status == SubmissionStatus.Rejected)
        {
            return;
        }

        if (await db.Grades.AnyAsync(g => g.SubmissionId == id && g.Generation == generation, ct))
        {
            if (submission.Status != SubmissionStatus.Graded)
            {
                submission.Status = SubmissionStatus.Graded;
                await db.SaveChangesAsync(ct);
            }

            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["SubmissionId"] = id, ["Assignment"] = submission.AssignmentId, ["Student"] = submission.Student,
        });
        var assignment = submission.AssignmentVersionId is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        if (assignment is null)
        {
            await MarkFailedAsync(id, generation, $"assignment version {submission.AssignmentVersionId} cannot be loaded", ct);
            return;
        }

        var file = AnswerFileReader.Read(submission.Content, submission.FileName ?? "submission").File;
        if (file is null)
        {
            await MarkFailedAsync(id, generation, "the stored file can no longer be read as an answer file", ct);
            return;
        }

        var report = AnswerGrader.Grade(assignment, file);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var old in await db.Grades.Where(g => g.SubmissionId == id && g.IsCurrent).ToListAsync(ct))
        {
            old.IsCurrent = false;
        }

        db.Grades.Add(new Grade
        {
            SubmissionId = id,
            Generation = generation,
            AssignmentVersionId = submission.AssignmentVersionId!.Value,
            Score = report.Score,
            MaxScore = report.MaxScore,
            ReportJson = GradeReportJson.Write(report, indented: false),
            GradedAt = DateTime.UtcNow,
            IsCurrent = true,
        });
        submission.Status = SubmissionStatus.Graded;
        submission.Reason = null;
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // Another run of this job stored the grade first: nothing to do.
            return;
        }

        logger.LogInformation("Graded submission {SubmissionId} for {Assignment} from {Student}: {Score}/{MaxScore}", id, submission.AssignmentId, submission.Student, report.Score, report.MaxScore);
    }

    private async Task MarkFailedAsync(long id, int generation, string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (submission is not null && submission.Generation == generation)
        {
            submission.Status = SubmissionStatus.Failed;
            submission.Reason = reason;
            await db.SaveChangesAsync(ct);
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: 5 or 6 }
        || ex.InnerException is SqliteException { SqliteErrorCode: 5 or 6 }
        || ex is TimeoutException;
}
