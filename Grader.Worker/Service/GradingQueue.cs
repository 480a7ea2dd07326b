using Quartz;

namespace Grader.Worker.Service;

/// <summary>Queues grading as durable Quartz jobs in the SQLite job store: one job per submission and generation.</summary>
public sealed class GradingQueue(ISchedulerFactory schedulerFactory)
{
    /// <summary>Queues the grading of a submission's generation; queuing the same one again replaces it.</summary>
    public async Task EnqueueAsync(long submissionId, int generation, CancellationToken ct = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(ct);
        var key = new JobKey($"submission-{submissionId}-{generation}", "grading");
        var job = JobBuilder.Create<GradeSubmissionJob>()
            .WithIdentity(key)
            .UsingJobData(GradeSubmissionJob.SubmissionIdKey, submissionId)
            .UsingJobData(GradeSubmissionJob.GenerationKey, generation)
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, "grading")
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}
