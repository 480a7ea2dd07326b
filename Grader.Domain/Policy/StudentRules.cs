namespace Grader.Domain.Policy;

/// <summary>
/// The course rules as one student sees them: their due date and the end of their late window
/// (an extension applied; in the assignment's time zone), the late penalty, attempts used and
/// allowed and the percentage taken per attempt after the first, what the next submission would get (<see cref="Next"/>: the penalty in force, or why it
/// would be refused) and each submission under the rules, as the gradebook counts it (receipt times in that zone too).
/// </summary>
public sealed record StudentRules(
    DateTimeOffset? Due,
    DateTimeOffset? LateUntil,
    Penalty? LatePenalty,
    int AttemptsUsed,
    int? AttemptsMax,
    double AttemptPenaltyPercent,
    Admission Next,
    IReadOnlyList<ScoredAttempt> Submissions)
{
    /// <summary>The submission that counts in the gradebook (null: none yet).</summary>
    public ScoredAttempt? Counts { get; init; }

    /// <summary>When the assignment opens (the assignment's time zone), or null when it is open from the start.</summary>
    public DateTimeOffset? Opens { get; init; }

    /// <summary>When submissions close: the end of the late window, else the due date; null when they never close.</summary>
    public DateTimeOffset? Closes => LateUntil ?? Due;

    /// <summary>True when the assignment has not opened yet at <paramref name="now"/> (intake's rule, <see cref="Deadlines.NotOpenAt"/>).</summary>
    public bool NotOpenAt(DateTimeOffset now) => new Deadlines(Opens, Due, Closes).NotOpenAt(now);

    /// <summary>True when submissions are closed at <paramref name="now"/> (for this student: an extension moves it; intake's rule, <see cref="Deadlines.ClosedAt"/>).</summary>
    public bool ClosedAt(DateTimeOffset now) => new Deadlines(Opens, Due, Closes).ClosedAt(now);

    /// <summary>Attempts left (null: unlimited).</summary>
    public int? AttemptsLeft => AttemptsMax is { } max ? Math.Max(0, max - AttemptsUsed) : null;

    /// <summary>
    /// The rules of <paramref name="policy"/> for a student whose <paramref name="submissions"/>
    /// (evaluated by <see cref="PolicyEvaluator.Stand"/>) are known, at <paramref name="now"/>; the
    /// next submission is admitted exactly as intake would admit it.
    /// </summary>
    public static StudentRules Of(CoursePolicy policy, TimeZoneInfo courseZone, IReadOnlyList<ScoredAttempt> submissions, DateTimeOffset now, DateTimeOffset? extendedDue = null)
    {
        var zone = policy.TimeZone ?? courseZone;
        var d = policy.For(courseZone, extendedDue);
        DateTimeOffset? Local(DateTimeOffset? t) => t is { } x ? TimeZoneInfo.ConvertTime(x, zone) : null;
        return new StudentRules(
            Local(d.Due),
            policy.Late is null ? null : Local(d.Closes),
            policy.Late?.Penalty,
            submissions.Count,
            policy.Attempts.Max,
            policy.Attempts.PenaltyPercent,
            PolicyEvaluator.Admit(policy, courseZone, now, submissions.Count + 1, extendedDue),
            [.. submissions.Select(s => s with { Attempt = s.Attempt with { ReceivedAt = TimeZoneInfo.ConvertTime(s.Attempt.ReceivedAt, zone) } })])
        {
            Opens = Local(d.Opens),
        };
    }

    /// <summary>A fraction of the raw score as a percentage (<c>0.1</c> → <c>10%</c>).</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
