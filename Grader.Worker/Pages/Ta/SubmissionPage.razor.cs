using Microsoft.AspNetCore.Http.HttpResults;
using Grader.Data.Entities;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Worker.Reports;

namespace Grader.Worker.Pages.Ta;

/// <summary>A submission's report page.</summary>
public partial class SubmissionPage
{
    /// <summary>The page as an endpoint's result, its parameters named and typed by the compiler.</summary>
    /// <param name="submission">Its <see cref="Submission"/>.</param>
    /// <param name="report">Its <see cref="Report"/>.</param>
    /// <param name="assignment">Its <see cref="Assignment"/>.</param>
    /// <param name="isTa">Its <see cref="IsTa"/>.</param>
    /// <param name="withheld">Its <see cref="Withheld"/>.</param>
    /// <param name="history">Its <see cref="History"/>.</param>
    /// <param name="version">Its <see cref="Version"/>.</param>
    /// <param name="audit">Its <see cref="Audit"/>.</param>
    /// <param name="message">Its <see cref="Message"/>.</param>
    /// <param name="regradeRequests">Its <see cref="RegradeRequests"/>.</param>
    /// <param name="regradeClosed">Its <see cref="RegradeClosed"/>.</param>
    /// <param name="receipt">Its <see cref="Receipt"/>.</param>
    /// <param name="standing">Its <see cref="Standing"/>.</param>
    /// <param name="undoneGroups">Its <see cref="UndoneGroups"/>: the answer-group rules of its audit that were undone.</param>
    /// <param name="status">The HTTP status.</param>
    public static RazorComponentResult<SubmissionPage> Of(
        Submission submission,
        GradeReport? report,
        Assignment? assignment,
        bool isTa,
        IReadOnlySet<string> withheld,
        IReadOnlyList<GradeHistoryEntry> history,
        VersionNote version,
        IReadOnlyList<ScoreOverrideRecord>? audit,
        string? message,
        IReadOnlyList<RegradeRequest> regradeRequests,
        string? regradeClosed,
        string? receipt,
        Grader.Domain.Policy.ScoredAttempt? standing,
        IReadOnlySet<long>? undoneGroups = null,
        int status = 200) =>
        new(new Dictionary<string, object?>
        {
            [nameof(Submission)] = submission,
            [nameof(Report)] = report,
            [nameof(Assignment)] = assignment,
            [nameof(IsTa)] = isTa,
            [nameof(Withheld)] = withheld,
            [nameof(History)] = history,
            [nameof(Version)] = version,
            [nameof(Audit)] = audit,
            [nameof(Message)] = message,
            [nameof(RegradeRequests)] = regradeRequests,
            [nameof(RegradeClosed)] = regradeClosed,
            [nameof(Receipt)] = receipt,
            [nameof(Standing)] = standing,
            [nameof(UndoneGroups)] = undoneGroups ?? new HashSet<long>(),
        })
        { StatusCode = status };
}
