using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Functions that move elements: reshapes, transposes, flips.</summary>
internal static class ShapeFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("reshape", ["x", "shape"], c => Ops.Reshape(c.Arg(0), c.Shape(1)), "the same elements in another shape (row-major)", "`torch.reshape`"),
        new("flatten", ["x"], c => Ops.Flatten(c.Arg(0)), "the elements as a vector", "`torch.flatten`"),
        new("transpose", ["x"], c => Ops.Transpose(c.Arg(0)), "the transpose of a matrix (a vector or scalar as it is)", "`x.T`"),
        new("flip", ["x"], c => Ops.Flip(c.Arg(0)), "the last two axes reversed (a kernel turned 180°)", "`torch.flip(x, (-2, -1))`"),
    ];
}
