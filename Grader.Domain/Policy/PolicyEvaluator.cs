using System.Globalization;

namespace Grader.Domain.Policy;

/// <summary>
/// Applies a <see cref="CoursePolicy"/>: whether a submission received at a time, as a student's
/// n-th attempt, is accepted (and with what penalty), and which of a student's graded
/// submissions counts. The receipt time decides, never the grading time.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Accepts or refuses the <paramref name="attempt"/>-th submission (1-based) received at <paramref name="receivedAt"/>.</summary>
    public static Admission Admit(CoursePolicy policy, TimeZoneInfo courseZone, DateTimeOffset receivedAt, int attempt, DateTimeOffset? extendedDue = null)
    {
        var d = policy.For(courseZone, extendedDue);
        if (d.NotOpenAt(receivedAt))
        {
            return Admission.Refused($"this assignment opens at {Show(d.Opens!.Value)}", attempt);
        }

        if (d.ClosedAt(receivedAt))
        {
            var why = d.Closes == d.Due
                ? $"the due date {Show(d.Due!.Value)}{(extendedDue is null ? "" : " (your extension)")} has passed"
                : $"the late window closed at {Show(d.Closes!.Value)} (due {Show(d.Due!.Value)}{(extendedDue is null ? "" : ", your extension")})";
            return Admission.Refused($"submissions are closed: {why}", attempt);
        }

        if (policy.Attempts.Max is { } max && attempt > max)
        {
            return Admission.Refused($"no attempts left: this would be attempt {attempt}, and {max} {(max == 1 ? "is" : "are")} allowed ({attempt - 1} used)", attempt);
        }

        var late = d.Due is { } due && receivedAt > due ? receivedAt - due : TimeSpan.Zero;
        var latePenalty = late > TimeSpan.Zero ? policy.Late?.Penalty.Fraction(late) ?? 0 : 0;
        return new Admission(true, null, attempt, late, latePenalty, policy.Attempts.Fraction(attempt));
    }

    /// <summary>
    /// Each of a student's submissions under the policy (attempts numbered by receipt order), and
    /// the one that counts: the best counted score or the latest, among those accepted.
    /// </summary>
    public static StudentStanding Stand(CoursePolicy policy, TimeZoneInfo courseZone, IEnumerable<Attempt> submissions, DateTimeOffset? extendedDue = null)
    {
        var scored = submissions.OrderBy(s => s.ReceivedAt).ThenBy(s => s.SubmissionId)
            .Select((s, i) =>
            {
                var admission = Admit(policy, courseZone, s.ReceivedAt, i + 1, extendedDue);
                return new ScoredAttempt(s, admission, s.Score is { } raw && admission.Accepted ? raw * (1 - admission.Penalty) : null);
            }).ToList();
        var candidates = scored.Where(s => s.Counted is not null).ToList();
        var counts = candidates.Count == 0 ? null
            : policy.Gradebook == GradebookRule.Latest ? candidates[^1]
            : candidates.OrderByDescending(s => s.Counted!.Value).ThenByDescending(s => s.Attempt.ReceivedAt).First();
        return new StudentStanding(scored, counts);
    }

    private static string Show(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
