namespace Grader.Domain.Assignments;

/// <summary>Settings a question or the assignment's defaults may give; null means inherit.</summary>
public sealed record GradingSettings(double? Points = null, Tolerance? Tolerance = null, bool? Partial = null, ShowKey? ShowKey = null, bool? CarryForward = null)
{
    /// <summary>No settings.</summary>
    public static readonly GradingSettings None = new();

    /// <summary>These settings where given, otherwise <paramref name="fallback"/>'s.</summary>
    public GradingSettings Over(GradingSettings fallback) => new(
        Points ?? fallback.Points,
        Tolerance ?? fallback.Tolerance,
        Partial ?? fallback.Partial,
        ShowKey ?? fallback.ShowKey,
        CarryForward ?? fallback.CarryForward);
}
