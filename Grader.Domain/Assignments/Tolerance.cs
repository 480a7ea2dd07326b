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

    /// <summary>True when a given element counts as equal to the key's.</summary>
    public bool Accepts(double given, double key)
    {
        if (Exact)
        {
            return given == key;
        }

        var diff = Math.Abs(given - key);
        if (Sigfigs is { } n)
        {
            // Agreement to n significant figures: |given − key| ≤ ½·10^(⌊log10|key|⌋ − n + 1); a zero key needs zero.
            return key == 0 ? given == 0 : diff <= 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(key))) - n + 1) * (1 + 1e-12);
        }

        return diff <= Abs + (Rel * Math.Abs(key)) + (1e-12 * Math.Abs(key));
    }

    /// <summary>The accepted precision as a student reads it: <c>4 significant figures</c>, <c>within 0.001</c>, <c>within 1% or 0.001</c>, <c>exact</c>.</summary>
    public string ForStudents()
    {
        string G(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
        return Exact ? "exact"
            : Sigfigs is { } n ? $"{n} significant figure{(n == 1 ? "" : "s")}"
            : Rel == 0 ? $"within {G(Abs)}"
            : Abs == 0 ? $"within {G(Rel * 100)}%"
            : $"within {G(Rel * 100)}% or {G(Abs)}";
    }

    /// <summary>The tolerance written as in an assignment.</summary>
    public string Describe() =>
        Exact ? "exact" : Sigfigs is { } n ? $"{n} significant figures" : $"rel {Rel:G4}, abs {Abs:G4}";
}
