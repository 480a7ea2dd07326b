using System.Collections.Concurrent;
using Grader.Data;
using Grader.Data.Entities;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Grader.Worker.Service;

/// <summary>
/// Grades a batch of submissions (each at its current generation) and stores their grades in
/// one transaction. Idempotent: a submission already graded at its generation is skipped, and a
/// unique (submission, generation) index stops a second grade. A locked database is retried with
/// back-off; a permanent fault leaves that submission failed with its reason.
/// </summary>
public sealed class GradeSubmissionsJob(
    IDbContextFactory<GraderDbContext> dbFactory,
    AssignmentCatalog catalog,
    ParsedSubmissions parsed,
    ILogger<GradeSubmissionsJob> logger) : IJob
{
    /// <summary>Job data key of the comma-separated submission ids.</summary>
    public const string IdsKey = "ids";

    private const int Attempts = 6;

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var ids = context.MergedJobDataMap.GetString(IdsKey)!.Split(',').Select(long.Parse).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GradeAsync(ids, cancellationToken);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < Attempts)
            {
                var delay = TimeSpan.FromMilliseconds(50 * Math.Pow(2, attempt));
                logger.LogWarning(ex, "Transient fault grading {Count} submissions from {First}; attempt {Attempt}, retrying in {Delay}", ids.Count, ids[0], attempt, delay);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                throw new JobExecutionException(ex);
            }
        }
    }

    private async Task GradeAsync(IReadOnlyList<long> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var submissions = await db.Submissions.AsNoTracking()
            .Where(s => ids.Contains(s.Id) && s.Status == SubmissionStatus.Accepted)
            .Select(s => new Pending(s.Id, s.Generation, s.AssignmentVersionId, s.AssignmentId, s.Student, s.FileName))
            .ToListAsync(ct);
        var graded = (await db.Grades.AsNoTracking().Where(g => ids.Contains(g.SubmissionId)).Select(g => new { g.SubmissionId, g.Generation }).ToListAsync(ct))
            .Select(g => (g.SubmissionId, g.Generation)).ToHashSet();
        var todo = submissions.Where(s => !graded.Contains((s.Id, s.Generation))).ToList();
        var done = submissions.Except(todo).ToList();

        // Files parsed at intake are taken from memory; the others are read from their stored bytes.
        var files = todo.ToDictionary(s => s.Id, s => parsed.Take(s.Id));
        var unparsed = files.Where(f => f.Value is null).Select(f => f.Key).ToList();
        var contents = unparsed.Count == 0 ? [] : await db.Submissions.AsNoTracking()
            .Where(s => unparsed.Contains(s.Id)).Select(s => new { s.Id, s.Content }).ToDictionaryAsync(s => s.Id, s => s.Content, ct);

        var assignments = new Dictionary<long, Domain.Assignments.Assignment?>();
        foreach (var v in todo.Select(s => s.AssignmentVersionId).OfType<long>().Distinct())
        {
            assignments[v] = await catalog.GetVersionAsync(v, ct);
        }

        var outcomes = new ConcurrentDictionary<long, (GradeReport? Report, string? Failure)>();
        Parallel.ForEach(todo, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
            outcomes[s.Id] = Grade(s, files[s.Id] ?? Read(contents.GetValueOrDefault(s.Id), s.FileName), assignments));

        var now = DateTime.UtcNow;
        var grades = new List<Grade>();
        var failures = new List<(long, int, string)>();
        foreach (var s in todo)
        {
            var (report, failure) = outcomes[s.Id];
            if (report is null)
            {
                failures.Add((s.Id, s.Generation, failure!));
                logger.LogError("Grading submission {SubmissionId} for {Assignment} from {Student} failed: {Reason}", s.Id, s.AssignmentId, s.Student, failure);
                continue;
            }

            grades.Add(new Grade
            {
                SubmissionId = s.Id,
                Generation = s.Generation,
                AssignmentVersionId = s.AssignmentVersionId!.Value,
                Score = report.Score,
                MaxScore = report.MaxScore,
                ReportJson = GradeReportJson.Write(report, indented: false),
                GradedAt = now,
                IsCurrent = true,
            });
        }

        // A submission graded before (a retried job) only needs its status set again.
        await SubmissionRows.StoreAsync(db, grades, [.. done.Select(d => (d.Id, d.Generation))], failures, ct);
        logger.LogInformation("Graded {Count} submissions from {First} to {Last}", grades.Count, ids[0], ids[^1]);
    }

    private static AnswerFile? Read(byte[]? content, string? fileName) =>
        content is null ? null : AnswerFileReader.Read(content, fileName ?? "submission").File;

    private (GradeReport? Report, string? Failure) Grade(Pending s, AnswerFile? file, Dictionary<long, Domain.Assignments.Assignment?> assignments)
    {
        try
        {
            if (s.AssignmentVersionId is not { } v || assignments[v] is not { } assignment)
            {
                return (null, $"assignment version {s.AssignmentVersionId} cannot be loaded");
            }

            return file is null ? (null, "the stored file can no longer be read as an answer file") : (AnswerGrader.Grade(assignment, file), null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Grading submission {SubmissionId} threw", s.Id);
            return (null, "grading failed: " + ex.Message);
        }
    }

    private sealed record Pending(long Id, int Generation, long? AssignmentVersionId, string? AssignmentId, string? Student, string? FileName);

    private static bool IsTransient(Exception ex) =>
        ex is SqliteException { SqliteErrorCode: 5 or 6 }
        || ex.InnerException is SqliteException { SqliteErrorCode: 5 or 6 }
        || ex is TimeoutException;
}
