using Grader.Data.Entities;
using Grader.Worker.Grading;
using Grader.Worker.Tests.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Intake;

/// <summary>
/// Grading at intake (<c>Grader:GradeAtIntake</c>, on by default): an accepted file is graded
/// before it is stored, and its grade, standing and counts are committed with the submission, so
/// the 202 already stands on a graded row; when storing the grade fails, the submission is still
/// stored and a grading job grades it. Seed 004's worked solution scores 9 of 13 (its two
/// gradients are transposed: SeedAnswerTests).
/// </summary>
public class GradeAtIntakeTests
{
    private static Task<string> Seed004() => File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));

    [Fact]
    public async Task The_202_stands_on_a_graded_submission_with_its_standing_and_no_grading_job()
    {
        await using var service = await TestService.StartAsync();
        var (status, body) = await service.PostAsync(await Seed004());
        Assert.Equal(202, status);
        Assert.Equal("accepted", body.GetProperty("status").GetString()); // the contract's answer to a POST is unchanged
        var id = body.GetProperty("id").GetInt64();

        // Read at once, with no wait: the one commit that made the submission durable stored its grade.
        await using var db = service.Db();
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(SubmissionStatus.Graded, submission.Status);
        var grade = await db.Grades.AsNoTracking().SingleAsync(g => g.SubmissionId == id);
        Assert.Equal((9.0, 13.0, 0, true), (grade.Score, grade.MaxScore, grade.Generation, grade.IsCurrent));
        var standing = await db.Standings.AsNoTracking().SingleAsync(s => s.AssignmentId == "tanh-network" && s.Student == "seed-004");
        Assert.Equal(id, standing.SubmissionId);
        Assert.Equal(9.0, standing.Raw);

        var monitor = service.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Equal(0, monitor.EnqueuedCount(service.Services.GetRequiredService<NodeQueue>().Name) + monitor.EnqueuedCount(NodeQueue.Shared));
        Assert.DoesNotContain(monitor.SucceededJobs(0, 100), j => j.Value.Job?.Type == typeof(GradeSubmissionsJob));
        Assert.Equal(9, (await service.GetAsync(id)).GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_submission_graded_at_intake_is_inserted_graded_and_never_updated()
    {
        await using var service = await TestService.StartAsync();
        await using (var db = service.Db())
        {
            // Inserting it accepted and then settling it wrote every such row, and its status indexes' entries, twice.
            await db.Database.ExecuteSqlRawAsync("""CREATE TRIGGER no_status_updates BEFORE UPDATE OF "Status" ON submissions BEGIN SELECT RAISE(ABORT, 'status updates refused by the test'); END""");
        }

        var (status, body) = await service.PostAsync(await Seed004());
        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetInt64();
        await using var read = service.Db();
        Assert.Equal(SubmissionStatus.Graded, (await read.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).Status);
        Assert.Equal(9.0, (await read.Grades.AsNoTracking().SingleAsync(g => g.SubmissionId == id)).Score);
        Assert.Equal(1, (await read.StandingsComputed.AsNoTracking().SingleAsync(m => m.AssignmentId == "tanh-network")).Settled);
    }

    [Fact]
    public async Task Turned_off_the_submission_is_queued_and_a_grading_job_grades_it()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["Grader:GradeAtIntake"] = "false" });
        var (status, body) = await service.PostAsync(await Seed004());
        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal(9, (await service.WaitForAsync([id]))[id].GetProperty("score").GetDouble());

        var monitor = service.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!monitor.SucceededJobs(0, 100).Any(j => j.Value.Job?.Type == typeof(GradeSubmissionsJob)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100); // Hangfire records the job as succeeded after the grade is stored
        }

        Assert.Contains(monitor.SucceededJobs(0, 100), j => j.Value.Job?.Type == typeof(GradeSubmissionsJob));
    }

    [Fact]
    public async Task When_storing_the_grade_fails_the_submission_is_still_stored_and_a_grading_job_grades_it()
    {
        // The queue gathers for 3 s, so the failure can be taken away before the job runs.
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?> { ["Grader:QueueLinger"] = "00:00:03" });
        await using (var db = service.Db())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE fail_grades (x INTEGER)");
            await db.Database.ExecuteSqlRawAsync("INSERT INTO fail_grades VALUES (1)");
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_grades_insert BEFORE INSERT ON grades WHEN EXISTS (SELECT 1 FROM fail_grades) BEGIN SELECT RAISE(ABORT, 'grades refused by the test'); END");
        }

        var (status, body) = await service.PostAsync(await Seed004());
        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetInt64();
        await using (var db = service.Db())
        {
            Assert.Equal(SubmissionStatus.Accepted, (await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id)).Status); // stored, not lost
            Assert.Empty(await db.Grades.AsNoTracking().Where(g => g.SubmissionId == id).ToListAsync());
            await db.Database.ExecuteSqlRawAsync("DELETE FROM fail_grades");
        }

        Assert.Equal(9, (await service.WaitForAsync([id], seconds: 60))[id].GetProperty("score").GetDouble());
        await using (var db = service.Db())
        {
            Assert.Equal(1, await db.Grades.CountAsync(g => g.SubmissionId == id));
            Assert.Equal(id, (await db.Standings.AsNoTracking().SingleAsync(s => s.AssignmentId == "tanh-network" && s.Student == "seed-004")).SubmissionId);
        }
    }
}
