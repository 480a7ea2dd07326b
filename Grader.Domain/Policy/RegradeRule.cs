namespace Grader.Domain.Policy;

/// <summary>
/// When students may ask for a regrade of a question (<c>regrade_requests:</c>): never (the
/// default), always, until a date, or for a span after the question's key is released.
/// </summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Until">The last moment a request is taken, for <see cref="RegradeWindow.Until"/>.</param>
/// <param name="AfterRelease">How long after key release requests are taken, for <see cref="RegradeWindow.AfterKeyRelease"/>.</param>
public sealed record RegradeRule(RegradeWindow Kind, PolicyTime? Until = null, TimeSpan? AfterRelease = null)
{
    /// <summary>No regrade requests (the default).</summary>
    public static readonly RegradeRule Never = new(RegradeWindow.Never);

    /// <summary>
    /// Null when a request made <paramref name="now"/> is taken; otherwise why not.
    /// <paramref name="keyReleasedAt"/> is when the question's key was released to this student (null: not yet, or never).
    /// </summary>
    public string? Refusal(DateTimeOffset now, TimeZoneInfo zone, DateTimeOffset? keyReleasedAt) => Kind switch
    {
        RegradeWindow.Always => null,
        RegradeWindow.Until when Until!.At(zone) is var u && now <= u => null,
        RegradeWindow.Until => $"regrade requests closed at {Show(Until!.At(zone))}",
        RegradeWindow.AfterKeyRelease when keyReleasedAt is null => "regrade requests open when the key is released",
        RegradeWindow.AfterKeyRelease when now < keyReleasedAt => "regrade requests open when the key is released",
        RegradeWindow.AfterKeyRelease when now <= keyReleasedAt + AfterRelease!.Value => null,
        RegradeWindow.AfterKeyRelease => $"regrade requests closed at {Show(keyReleasedAt.Value + AfterRelease!.Value)} ({Describe()})",
        _ => "this assignment takes no regrade requests",
    };

    /// <summary>The rule in words, as the assignment file writes it.</summary>
    public string Describe() => Kind switch
    {
        RegradeWindow.Always => "always",
        RegradeWindow.Until => $"until {Until}",
        RegradeWindow.AfterKeyRelease => AfterRelease!.Value.TotalDays.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " days after key release",
        _ => "never",
    };

    private static string Show(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
}
