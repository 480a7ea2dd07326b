using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>
/// A value drawn per student: <c>uniform: [lo, hi]</c>, <c>integers: [lo, hi]</c> (inclusive),
/// <c>normal: [mean, std]</c> or <c>choice: [a, b, …]</c>, with an optional <c>shape</c> (filled
/// in row-major order) and, for uniform and normal, optional <c>decimals</c> to round to.
/// </summary>
public sealed record RandomValue(RandomKind Kind, double[] Parameters, int[] Shape, int? Decimals) : ValueSpec
{
    /// <inheritdoc />
    public override bool IsRandom => true;

    /// <inheritdoc />
    public override Tensor Draw(VariantRandom random)
    {
        var data = new double[Tensor.Numel(Shape)];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = Kind switch
            {
                RandomKind.Uniform => Round(Parameters[0] + ((Parameters[1] - Parameters[0]) * random.NextDouble())),
                RandomKind.Integers => Parameters[0] + random.NextInt((int)(Parameters[1] - Parameters[0] + 1)),
                RandomKind.Normal => Round(Parameters[0] + (Parameters[1] * random.NextNormal())),
                _ => Parameters[random.NextInt(Parameters.Length)],
            };
        }

        return new Tensor(Shape, data);
    }

    private double Round(double v)
    {
        if (Decimals is not { } d)
        {
            return v;
        }

        var r = Math.Round(v, d, MidpointRounding.AwayFromZero);
        return Kind == RandomKind.Uniform ? Math.Clamp(r, Parameters[0], Parameters[1]) : r;
    }
}
