using System.Collections.Concurrent;
using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Worker.Course;
using Grader.Worker.Hardening;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Grading;

/// <summary>
/// Grades a batch of submissions (each at its current generation) and stores their grades in one
/// transaction; <see cref="GradeSubmissionsJob"/> is its Hangfire entry, and it can be called
/// without Hangfire. Idempotent, on one node or several: a submission already graded at its
/// generation is skipped, a grade is stored only while its submission is still at that generation,
/// and a unique (submission, generation) index stops a second grade. A transient fault (a locked
/// database, a dropped connection) throws, so the job fails and Hangfire runs it again; a fault in
/// one submission leaves that submission failed with its reason.
/// </summary>
public sealed class SubmissionGrader(
    IDbContextFactory<GraderDbContext> dbFactory,
    AssignmentCatalog catalog,
    ParsedSubmissions parsed,
    AnswerKeys keys,
    Microsoft.Extensions.Options.IOptions<ServiceLimits> limits,
    Grader.Worker.Telemetry.GraderMetrics metrics,
    Course.IStandingUpdates standings,
    ILogger<SubmissionGrader> logger)
{
    /// <summary>Grades the submissions with these ids. A started batch is finished, even during shutdown.</summary>
    public async Task GradeAsync(long[] ids)
    {
        var ct = CancellationToken.None;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Read by key alone and filtered here: with the status in the query, PostgreSQL's planner may
        // intersect the key with the status index, which holds nearly every submission (a job's read
        // then grows with the course: 2-3 ms at 40,000 submissions, against 0.1 ms by key).
        var submissions = (await db.Submissions.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new Pending(s.Id, s.Generation, s.AssignmentVersionId, s.AssignmentId, s.Student, s.FileName, s.Status, s.ReceivedAt))
            .ToListAsync(ct))
            .Where(s => s.Status is SubmissionStatus.Accepted or SubmissionStatus.Graded).ToList();
        var graded = (await db.Grades.AsNoTracking().Where(g => ids.Contains(g.SubmissionId)).Select(g => new { g.SubmissionId, g.Generation }).ToListAsync(ct))
            .Select(g => (g.SubmissionId, g.Generation)).ToHashSet();
        var todo = submissions.Where(s => !graded.Contains((s.Id, s.Generation))).ToList();

        // A submission graded before (a job run twice) only needs its status set again.
        var done = submissions.Where(s => s.Status == SubmissionStatus.Accepted && graded.Contains((s.Id, s.Generation))).ToList();

        // Files parsed at intake are taken from memory; the others are read from their stored bytes.
        var files = todo.ToDictionary(s => s.Id, s => parsed.Take(s.Id));
        var unparsed = files.Where(f => f.Value is null).Select(f => f.Key).ToArray();
        var contents = unparsed.Length == 0 ? [] : await db.Submissions.AsNoTracking()
            .Where(s => unparsed.Contains(s.Id)).Select(s => new { s.Id, s.Content }).ToDictionaryAsync(s => s.Id, s => s.Content, ct);

        var assignments = new Dictionary<long, Domain.Assignments.Assignment?>();
        foreach (var v in todo.Select(s => s.AssignmentVersionId).OfType<long>().Distinct())
        {
            assignments[v] = await catalog.GetVersionAsync(v, ct);
        }

        var outcomes = new ConcurrentDictionary<long, (GradeReport? Report, string? Failure)>();
        Parallel.ForEach(todo, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            // Each submission has its own budget (time, elements, work) for reading and grading.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var budget = Domain.Expressions.EvaluationBudget.Use(new Domain.Expressions.EvaluationBudget(limits.Value.GradingTimeBudget, ct));
            outcomes[s.Id] = Grade(s, () => files[s.Id] ?? Read(contents.GetValueOrDefault(s.Id), s.FileName), assignments);
            metrics.GradingTook(started);
        });

        // Answers that join a scored answer group get its override; then TAs' overrides are applied
        // to every new grade, so they survive regrades.
        await AnswerGroupService.JoinAsync(db, [.. todo.Where(s => outcomes[s.Id].Report is not null).Select(s => (s.Id, s.AssignmentId, outcomes[s.Id].Report!))], ct);
        var overrides = await ManualGradingService.ForAsync(db, [.. todo.Select(s => s.Id)], ct);
        var now = DateTime.UtcNow;
        var grades = new List<Grade>();
        var failures = new List<(long, int, string)>();
        foreach (var s in todo)
        {
            var (automatic, failure) = outcomes[s.Id];
            var report = automatic is not null && overrides.TryGetValue(s.Id, out var manual) ? ManualGrading.Apply(automatic, manual) : automatic;
            if (report is null)
            {
                failures.Add((s.Id, s.Generation, failure!));
                logger.LogError("Grading submission {SubmissionId} for {Assignment} from {Student} failed: {Reason}", s.Id, s.AssignmentId, LogText.Quote(s.Student), failure);
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
            logger.LogDebug("Graded submission {SubmissionId} for {Assignment} from {Student} at generation {Generation}: {Score} of {MaxScore}", s.Id, s.AssignmentId, s.Student, s.Generation, report.Score, report.MaxScore);
        }

        await SubmissionRows.StoreAsync(db, grades, [.. done.Select(d => (d.Id, d.Generation))], failures, ct,
            (settled, c) => standings.UpdateAsync(db, todo.Concat(done).Select(s => (s.AssignmentId, s.Student)), Settled(submissions, settled), c)); // the students' standings and the assignments' counts, in the grades' transaction
        metrics.Graded(todo.Where(s => outcomes[s.Id].Report is not null).Select(s => (s.AssignmentId, s.ReceivedAt, s.Generation == 0)));
        logger.LogInformation("Graded {Count} submissions from {FirstSubmissionId} to {LastSubmissionId}", grades.Count, ids[0], ids[^1]);
    }

    /// <summary>The submissions this batch settled, counted by assignment.</summary>
    private static Dictionary<string, int> Settled(IEnumerable<Pending> submissions, IReadOnlyList<long> settled)
    {
        var ids = settled.ToHashSet();
        return submissions.Where(s => s.AssignmentId is not null && ids.Contains(s.Id)).GroupBy(s => s.AssignmentId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    private static AnswerFile? Read(byte[]? content, string? fileName) =>
        content is null ? null : AnswerFileReader.Read(content, fileName ?? "submission").File;

    private (GradeReport? Report, string? Failure) Grade(Pending s, Func<AnswerFile?> read, Dictionary<long, Domain.Assignments.Assignment?> assignments)
    {
        try
        {
            var file = read();
            if (s.AssignmentVersionId is not { } v || assignments[v] is not { } assignment)
            {
                return (null, $"assignment version {s.AssignmentVersionId} cannot be loaded");
            }

            if (file is null)
            {
                return (null, "the stored file can no longer be read as an answer file");
            }

            // The student is the submission's: the class list's spelling, or the token's student when the file named none.
            var graded = s.Student is { } student && student != file.Student ? file with { Student = student } : file;
            return (AnswerGrader.Grade(keys.For(v, assignment, graded.Student), graded), null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Grading submission {SubmissionId} for {Assignment} from {Student} threw", s.Id, s.AssignmentId, LogText.Quote(s.Student));
            return (null, "grading failed: " + LogText.Escape(ex.Message, 300));
        }
    }

    private sealed record Pending(long Id, int Generation, long? AssignmentVersionId, string? AssignmentId, string? Student, string? FileName, SubmissionStatus Status, DateTime ReceivedAt);
}
