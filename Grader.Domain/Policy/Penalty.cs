namespace Grader.Domain.Policy;

/// <summary>
/// A penalty written as a percentage of the raw score: flat (<c>20%</c>) or per unit of time
/// (<c>10% per day</c>, <c>5% per hour</c>; any part of a unit counts as a whole one).
/// </summary>
public sealed record Penalty(double Percent, TimeSpan? Per)
{
    /// <summary>No penalty.</summary>
    public static readonly Penalty None = new(0, null);

    /// <summary>The fraction of the raw score taken for a submission that is <paramref name="late"/> (at most 1).</summary>
    public double Fraction(TimeSpan late)
    {
        if (late <= TimeSpan.Zero || Percent == 0)
        {
            return 0;
        }

        var units = Per is { } per ? Math.Ceiling(late.Ticks / (double)per.Ticks) : 1;
        return Math.Min(1, units * Percent / 100);
    }

    /// <inheritdoc />
    public override string ToString() => Per is null
        ? $"{Percent:0.##}%"
        : $"{Percent:0.##}% per {(Per == TimeSpan.FromHours(1) ? "hour" : "day")}";
}
