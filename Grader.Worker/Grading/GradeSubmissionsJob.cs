using Hangfire;

namespace Grader.Worker.Grading;

/// <summary>
/// The Hangfire job that grades a batch of submissions: a thin entry to <see cref="SubmissionGrader"/>.
/// Queued jobs are stored under the name <c>Grader.Worker.Service.GradeSubmissionsJob</c>, this
/// class's name before the Worker's rooms (<see cref="JobTypeNames"/>), so nodes of either version
/// run each other's queued jobs.
/// </summary>
public sealed class GradeSubmissionsJob(SubmissionGrader grader)
{
    /// <summary>Grades the submissions with these ids; Hangfire retries a failed batch.</summary>
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [1, 1, 2, 5, 10, 30, 60, 120])]
    [JobDisplayName("Grade {0}")]
    public Task GradeAsync(long[] ids) => grader.GradeAsync(ids);
}
