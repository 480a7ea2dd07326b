using Grader.Data.Entities;
using Grader.Worker.Grading;
using Grader.Worker.Tests.Service;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Grading;

/// <summary>
/// PostgreSQL stores each queued job's type name. The grading job moved from Grader.Worker.Service
/// to Grader.Worker.Grading; a job queued under the old name (by a node not yet upgraded) must
/// still grade, and a job queued now must carry the old name (for a node not yet upgraded).
/// </summary>
[Collection("service")]
public class JobTypeNameTests
{
    private const string OldName = "Grader.Worker.Service.GradeSubmissionsJob, Grader.Worker";

    [Fact]
    public async Task A_grading_job_queued_under_the_old_type_name_grades_the_submission()
    {
        await using var service = await TestService.StartAsync();
        var file = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var (status, body) = await service.PostAsync(file);
        Assert.Equal(202, status);
        var first = body.GetProperty("id").GetInt64();
        await service.WaitForAsync([first]);

        // A second submission, stored accepted and queued by nobody.
        long id;
        await using (var db = service.Db())
        {
            var s = db.Submissions.Single(x => x.Id == first);
            var copy = new Submission
            {
                ReceivedAt = s.ReceivedAt, Content = s.Content, ContentHash = s.ContentHash, Source = "test", FileName = s.FileName,
                AssignmentId = s.AssignmentId, Student = s.Student, AssignmentVersionId = s.AssignmentVersionId,
                Status = SubmissionStatus.Accepted, ReceiptToken = "job-type-name-test-receipt",
            };
            db.Submissions.Add(copy);
            await db.SaveChangesAsync();
            id = copy.Id;
        }

        var current = InvocationData.SerializeJob(Job.FromExpression<GradeSubmissionsJob>(j => j.GradeAsync(new[] { id })));
        Assert.Equal(OldName, current.Type);
        var stored = new InvocationData(OldName, current.Method, current.ParameterTypes, current.Arguments);
        var job = stored.DeserializeJob();
        Assert.Equal(typeof(GradeSubmissionsJob), job.Type);
        service.Services.GetRequiredService<IBackgroundJobClient>().Create(job, new EnqueuedState());

        var graded = await service.WaitForAsync([id], seconds: 60);
        Assert.Equal(9, graded[id].GetProperty("score").GetDouble()); // seed 004's worked solution: 9 of 13 (SeedAnswerTests)
    }
}
