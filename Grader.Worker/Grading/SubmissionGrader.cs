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
            outcomes[s.Id] = Budgeted(() => Grade(s, () => files[s.Id] ?? Read(contents.GetValueOrDefault(s.Id), s.FileName), assignments), ct));

        var (grades, failures) = await GradesOfAsync(db, todo, id => outcomes[id], null, ct);
        await SubmissionRows.StoreAsync(db, grades, [.. done.Select(d => (d.Id, d.Generation))], failures, ct,
            (settled, c) => standings.UpdateAsync(db, todo.Concat(done).Select(s => (s.AssignmentId, s.Student)), Settled(submissions, settled), c)); // the students' standings and the assignments' counts, in the grades' transaction
        metrics.Graded(todo.Where(s => outcomes[s.Id].Report is not null).Select(s => (s.AssignmentId, s.ReceivedAt, s.Generation == 0)));
        logger.LogInformation("Graded {Count} submissions from {FirstSubmissionId} to {LastSubmissionId}", grades.Count, ids[0], ids[^1]);
    }

    /// <summary>
    /// The grades (and failures) of graded submissions, to be stored: answers that join a scored
    /// answer group get its override, then TAs' overrides are applied to every new grade, so they
    /// survive regrades. On <paramref name="db"/>, inside the caller's transaction if it has one.
    /// <paramref name="written"/> gives a report's JSON already written (null: written here), used
    /// when no override changed the report.
    /// </summary>
    private async Task<(List<Grade> Grades, List<(long, int, string)> Failures)> GradesOfAsync(
        GraderDbContext db, IReadOnlyList<Pending> todo, Func<long, (GradeReport? Report, string? Failure)> outcome, Func<long, string?>? written, CancellationToken ct)
    {
        await AnswerGroupService.JoinAsync(db, [.. todo.Where(s => outcome(s.Id).Report is not null).Select(s => (s.Id, s.AssignmentId, outcome(s.Id).Report!))], ct);
        var overrides = await ManualGradingService.ForAsync(db, [.. todo.Select(s => s.Id)], ct);
        var now = DateTime.UtcNow;
        var grades = new List<Grade>();
        var failures = new List<(long, int, string)>();
        foreach (var s in todo)
        {
            var (automatic, failure) = outcome(s.Id);
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
                ReportJson = ReferenceEquals(report, automatic) && written?.Invoke(s.Id) is { } json ? json : GradeReportJson.Write(report, indented: false),
                GradedAt = now,
                IsCurrent = true,
            });
            logger.LogDebug("Graded submission {SubmissionId} for {Assignment} from {Student} at generation {Generation}: {Score} of {MaxScore}", s.Id, s.AssignmentId, s.Student, s.Generation, report.Score, report.MaxScore);
        }

        return (grades, failures);
    }

    /// <summary>
    /// Grades a file intake has just read and accepted, before it is stored (grading at intake:
    /// <see cref="Settings.GraderOptions.GradeAtIntake"/>), under the submission's own budget:
    /// the report, or why it could not be graded. <paramref name="assignment"/> is the version
    /// <paramref name="versionId"/> the submission is for; <paramref name="student"/> its student.
    /// The report's JSON is written here too, on the request's thread, not in the writer's transaction.
    /// </summary>
    public IntakeGrade GradeAtIntake(string? assignmentId, string? student, long? versionId, Domain.Assignments.Assignment? assignment, AnswerFile file)
    {
        var (report, failure) = Budgeted(() => Grade(null, assignmentId, student, versionId, _ => assignment, () => file), CancellationToken.None);
        return new IntakeGrade(report, failure, report is null ? null : GradeReportJson.Write(report, indented: false));
    }

    /// <summary>Grades one submission under its own budget (time, elements, work) for reading and grading, and records how long it took.</summary>
    private (GradeReport? Report, string? Failure) Budgeted(Func<(GradeReport? Report, string? Failure)> grade, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var budget = Domain.Expressions.EvaluationBudget.Use(new Domain.Expressions.EvaluationBudget(limits.Value.GradingTimeBudget, ct));
        var outcome = grade();
        metrics.GradingTook(started);
        return outcome;
    }

    /// <summary>
    /// Marks submissions graded at intake as they will be inserted: graded, or failed with the reason (<see
    /// cref="StoreAtIntakeAsync"/> then stores their grades in the same transaction); with <paramref name="settled"/>
    /// false, accepted again, for a burst stored again alone after that transaction failed.
    /// </summary>
    public static void SettleAtIntake(IEnumerable<(Submission Submission, IntakeGrade Grade)> graded, bool settled)
    {
        foreach (var (submission, grade) in graded)
        {
            (submission.Status, submission.Reason) = !settled ? (SubmissionStatus.Accepted, null)
                : grade.Report is not null ? (SubmissionStatus.Graded, null) : (SubmissionStatus.Failed, (string?)grade.Failure);
        }
    }

    /// <summary>
    /// Stores the grades of submissions graded at intake inside intake's own transaction on
    /// <paramref name="db"/>, after their rows were inserted already graded or failed (<see cref="SettleAtIntake"/>; their
    /// ids are set): the grades, the answer groups they join, the students' standings and
    /// the assignments' counts, as <see cref="GradeAsync"/> stores them. One commit then makes a
    /// submission durable and graded at once; if it fails, intake stores the submissions alone and
    /// queues them (intake's writer).
    /// </summary>
    public async Task StoreAtIntakeAsync(GraderDbContext db, IReadOnlyList<(Submission Submission, IntakeGrade Grade)> graded, CancellationToken ct)
    {
        var todo = graded.Select(g => new Pending(g.Submission.Id, g.Submission.Generation, g.Submission.AssignmentVersionId, g.Submission.AssignmentId,
            g.Submission.Student, g.Submission.FileName, g.Submission.Status, g.Submission.ReceivedAt)).ToList();
        var byId = graded.ToDictionary(g => g.Submission.Id, g => g.Grade);
        var (grades, _) = await GradesOfAsync(db, todo, id => (byId[id].Report, byId[id].Failure), id => byId[id].ReportJson, ct);
        await SubmissionRows.InsertFirstGradesAsync(db, grades, ct);
        await standings.UpdateAsync(db, todo.Select(s => (s.AssignmentId, s.Student)), Settled(todo, [.. todo.Select(s => s.Id)]), ct);
    }

    /// <summary>Counts the grades stored at intake in the metrics, once their transaction has committed.</summary>
    public void GradedAtIntake(IReadOnlyList<(Submission Submission, IntakeGrade Grade)> graded)
    {
        metrics.Graded(graded.Where(g => g.Grade.Report is not null).Select(g => (g.Submission.AssignmentId, g.Submission.ReceivedAt, true)));
        logger.LogInformation("Graded {Count} submissions at intake from {FirstSubmissionId} to {LastSubmissionId}", graded.Count, graded[0].Submission.Id, graded[^1].Submission.Id);
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

    private (GradeReport? Report, string? Failure) Grade(Pending s, Func<AnswerFile?> read, Dictionary<long, Domain.Assignments.Assignment?> assignments) =>
        Grade(s.Id, s.AssignmentId, s.Student, s.AssignmentVersionId, v => assignments[v], read);

    private (GradeReport? Report, string? Failure) Grade(
        long? id, string? assignmentId, string? student, long? versionId, Func<long, Domain.Assignments.Assignment?> version, Func<AnswerFile?> read)
    {
        try
        {
            var file = read();
            if (versionId is not { } v || version(v) is not { } assignment)
            {
                return (null, $"assignment version {versionId} cannot be loaded");
            }

            if (file is null)
            {
                return (null, "the stored file can no longer be read as an answer file");
            }

            // The student is the submission's: the class list's spelling, or the token's student when the file named none.
            var graded = student is { } named && named != file.Student ? file with { Student = named } : file;
            return (AnswerGrader.Grade(keys.For(v, assignment, graded.Student), graded), null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Grading submission {SubmissionId} for {Assignment} from {Student} threw", id, assignmentId, LogText.Quote(student));
            return (null, "grading failed: " + LogText.Escape(ex.Message, 300));
        }
    }

    private sealed record Pending(long Id, int Generation, long? AssignmentVersionId, string? AssignmentId, string? Student, string? FileName, SubmissionStatus Status, DateTime ReceivedAt);
}
