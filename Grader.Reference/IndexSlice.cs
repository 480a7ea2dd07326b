namespace Grader.Reference;

/// <summary>
/// A slice <c>start:stop:step</c> of an axis, kept in the result. Bounds follow Python: a negative
/// bound counts from the end, a bound past either end is clamped, a missing one is the end; the
/// step is positive (PyTorch refuses a negative step).
/// </summary>
public sealed record IndexSlice(int? Start, int? Stop, int Step) : IndexItem
{
    /// <summary>The first position, the number of positions and the step of this slice of an axis of length <paramref name="n"/>.</summary>
    public (int First, int Count, int Step) On(int n)
    {
        if (Step <= 0)
        {
            throw new ShapeException($"a slice's step must be positive, got {Step}");
        }

        var first = Clamp(Start ?? 0, n);
        var stop = Clamp(Stop ?? n, n);
        return (first, stop <= first ? 0 : ((stop - first - 1) / Step) + 1, Step);
    }

    private static int Clamp(int bound, int n) => Math.Clamp(bound < 0 ? bound + n : bound, 0, n);
}
