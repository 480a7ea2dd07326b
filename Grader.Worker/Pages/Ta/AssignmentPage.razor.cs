using Grader.Worker.Grading;
using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Data.Entities;
using Grader.Domain.Reports;
using Grader.Worker.Reports;

namespace Grader.Worker.Pages.Ta;

/// <summary>An assignment's page for TAs.</summary>
public partial class AssignmentPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="id">Its <see cref="Id"/>.</param>
    /// <param name="title">Its <see cref="Title"/>.</param>
    /// <param name="listing">Its <see cref="Listing"/>: one page of the submissions table.</param>
    /// <param name="statistics">Its <see cref="Statistics"/>, <see cref="StatisticsPending"/> and <see cref="StatisticsComputed"/>.</param>
    /// <param name="policy">Its <see cref="Policy"/>.</param>
    /// <param name="zone">Its <see cref="Zone"/>.</param>
    /// <param name="extensions">Its <see cref="Extensions"/>.</param>
    /// <param name="standing">Its <see cref="Standing"/>.</param>
    /// <param name="countedIds">Its <see cref="CountedIds"/>.</param>
    /// <param name="gradebook">Its <see cref="Gradebook"/>.</param>
    /// <param name="lateCount">Its <see cref="LateCount"/>.</param>
    /// <param name="maxAttempt">Its <see cref="MaxAttempt"/>.</param>
    /// <param name="answerGroups">Its <see cref="AnswerGroups"/>: each question's wrong answers by group.</param>
    /// <param name="answerGroupsPending">Its <see cref="AnswerGroupsPending"/>.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<AssignmentPage> Of(
        string id,
        string title,
        SubmissionListing listing,
        CachedStatistics statistics,
        Grader.Domain.Policy.CoursePolicy? policy,
        TimeZoneInfo zone,
        IReadOnlyList<Extension> extensions,
        IReadOnlyDictionary<long, Grader.Domain.Policy.ScoredAttempt> standing,
        IReadOnlySet<long> countedIds,
        PageGradebookView gradebook,
        int? lateCount = null,
        int? maxAttempt = null,
        IReadOnlyList<AnswerGroupView>? answerGroups = null,
        bool answerGroupsPending = false,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Id)] = id,
            [nameof(Title)] = title,
            [nameof(Listing)] = listing,
            [nameof(Statistics)] = statistics.Statistics,
            [nameof(StatisticsPending)] = statistics.Pending,
            [nameof(StatisticsComputed)] = statistics.Computed,
            [nameof(Policy)] = policy,
            [nameof(Zone)] = zone,
            [nameof(Extensions)] = extensions,
            [nameof(Standing)] = standing,
            [nameof(CountedIds)] = countedIds,
            [nameof(Gradebook)] = gradebook,
            [nameof(LateCount)] = lateCount,
            [nameof(MaxAttempt)] = maxAttempt,
            [nameof(AnswerGroups)] = answerGroups ?? [],
            [nameof(AnswerGroupsPending)] = answerGroupsPending,
        })
        { StatusCode = status };
}
