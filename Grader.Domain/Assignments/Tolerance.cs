namespace Grader.Domain.Assignments;

/// <summary>
/// How close an answer element must be to the key: |given − key| ≤ abs + rel·|key|; or, with
/// <see cref="Sigfigs"/>, agreement to that many significant figures; or, with
/// <see cref="Exact"/>, equality.
/// </summary>
public sealed record Tolerance(double Rel, double Abs, int? Sigfigs = null, bool Exact = false)
{
    /// <summary>
    /// The built-in default: 1% relative, plus 0.001 absolute so that answers to keys at or
    /// near zero (rounded by hand to three decimals) are accepted.
    /// </summary>
    public static readonly Tolerance Default = new(0.01, 0.001);

    /// <summary>The tolerance written as in an assignment.</summary>
    public string Describe() =>
        Exact ? "exact" : Sigfigs is { } n ? $"{n} significant figures" : $"rel {Rel:G4}, abs {Abs:G4}";
}
