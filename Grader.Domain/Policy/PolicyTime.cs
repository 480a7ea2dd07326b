namespace Grader.Domain.Policy;

/// <summary>
/// A date and time as the assignment wrote it: with a UTC offset (an instant), or without one
/// (a wall-clock time in the course's time zone, resolved by <see cref="At"/>).
/// </summary>
public sealed record PolicyTime(DateTime Local, TimeSpan? Offset)
{
    /// <summary>The instant, reading a time without offset in <paramref name="zone"/>.</summary>
    public DateTimeOffset At(TimeZoneInfo zone)
    {
        if (Offset is { } offset)
        {
            return new DateTimeOffset(Local, offset);
        }

        var local = DateTime.SpecifyKind(Local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <inheritdoc />
    public override string ToString() => Offset is { } o
        ? new DateTimeOffset(Local, o).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)
        : Local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
