using Grader.Reference.Functions;

namespace Grader.Reference;

/// <summary>Reductions along axes (PyTorch's <c>dim=</c>, <c>keepdim=</c>), each built from primitives.</summary>
public static partial class Ops
{
    /// <summary>The sum over the given axes (null: every axis); its gradient is broadcast back.</summary>
    public static Node Sum(Node x, IReadOnlyList<int>? axes, bool keepDims = false)
    {
        var a = Axes.Of(x.Value.Shape, axes, keepDims, "sum");
        return new ScatterAdd(a.Map, a.OutputShape).Apply(x);
    }

    /// <summary>The mean over the given axes.</summary>
    public static Node Mean(Node x, IReadOnlyList<int>? axes, bool keepDims = false)
    {
        var a = Axes.Of(x.Value.Shape, axes, keepDims, "mean");
        return a.Count == 0
            ? throw new ShapeException("mean of an empty tensor")
            : Mul(Sum(x, axes, keepDims), Constant(1.0 / a.Count));
    }

    /// <summary>
    /// The largest element along the given axes; along one axis the gradient goes to the first
    /// maximum (as <c>torch.max(x, dim)</c>), along several ties split it (as <c>torch.amax</c>).
    /// </summary>
    public static Node Max(Node x, IReadOnlyList<int> axes, bool keepDims = false) => Extreme(x, axes, keepDims, largest: true);

    /// <summary>The smallest element along the given axes; the gradient as <see cref="Max(Node, IReadOnlyList{int}, bool)"/> gives it (<c>torch.min(x, dim)</c>, <c>torch.amin</c>).</summary>
    public static Node Min(Node x, IReadOnlyList<int> axes, bool keepDims = false) => Extreme(x, axes, keepDims, largest: false);

    /// <summary>The smallest element of the whole tensor, −max(−x): ties split the gradient evenly (as <c>torch.min(x)</c>).</summary>
    public static Node Min(Node x) => Neg(Max(Neg(x)));

    /// <summary>
    /// The variance over the given axes: mean((x − mean)²), times n/(n − 1) when
    /// <paramref name="unbiased"/> (Bessel's correction; the default here is the biased one, as batchnorm uses).
    /// </summary>
    public static Node Var(Node x, IReadOnlyList<int>? axes, bool keepDims = false, bool unbiased = false)
    {
        var a = Axes.Of(x.Value.Shape, axes, keepDims, "var");
        if (a.Count == 0 || (unbiased && a.Count == 1))
        {
            throw new ShapeException(unbiased ? "var: the unbiased variance needs at least two elements" : "var of an empty tensor");
        }

        var d = Sub(x, Mean(x, axes, keepDims: true));
        var biased = Mean(Mul(d, d), axes, keepDims);
        return unbiased ? Mul(biased, Constant(a.Count / (a.Count - 1.0))) : biased;
    }

    /// <summary>
    /// The L2 norm √Σx² along axes (<c>torch.linalg.norm(x, dim=axes, keepdim)</c>); where it is 0
    /// its gradient is 0, as PyTorch's <c>norm_backward</c> masks it.
    /// </summary>
    public static Node Norm(Node x, IReadOnlyList<int> axes, bool keepDims = false)
    {
        var squares = Sum(Mul(x, x), axes, keepDims);
        return ZeroWhereZero(squares.Value, Sqrt(OneWhereZero(squares)));
    }

    /// <summary>
    /// The standard deviation, √var. Where it is 0 its gradient is 0, as PyTorch's <c>std_backward</c>
    /// (which fills g/(2·std) with 0 there) rather than 0/0.
    /// </summary>
    public static Node Std(Node x, IReadOnlyList<int>? axes, bool keepDims = false, bool unbiased = false)
    {
        var variance = Var(x, axes, keepDims, unbiased);
        return ZeroWhereZero(variance.Value, Sqrt(OneWhereZero(variance)));
    }

    /// <summary>log Σ eˣ over the given axes, computed stably as m + log Σ e^(x − m) with m the (constant) maximum.</summary>
    public static Node LogSumExp(Node x, IReadOnlyList<int>? axes, bool keepDims = false)
    {
        var a = Axes.Of(x.Value.Shape, axes, keepDims: true, "logsumexp");
        var m = new double[Tensor.Numel(a.KeptShape)];
        Array.Fill(m, double.NegativeInfinity);
        for (var i = 0; i < a.Map.Length; i++)
        {
            m[a.Map[i]] = Math.Max(m[a.Map[i]], x.Value.Data[i]);
        }

        var shift = Node.Constant(new Tensor(a.KeptShape, [.. m.Select(v => double.IsFinite(v) ? v : 0)]));
        var kept = Add(shift, Log(Sum(Exp(Sub(x, shift)), axes, keepDims: true)));
        return keepDims ? kept : Reshape(kept, Axes.Of(x.Value.Shape, axes, keepDims, "logsumexp").OutputShape);
    }

    /// <summary>The product over the given axes, as a chain of products of slices (exact where elements are 0).</summary>
    public static Node Prod(Node x, IReadOnlyList<int>? axes, bool keepDims = false)
    {
        var a = Axes.Of(x.Value.Shape, axes, keepDims, "prod");
        var outputs = Tensor.Numel(a.OutputShape);
        var slices = new List<int>[outputs];
        for (var o = 0; o < outputs; o++)
        {
            slices[o] = [];
        }

        for (var i = 0; i < a.Map.Length; i++)
        {
            slices[a.Map[i]].Add(i);
        }

        Node? product = null;
        for (var k = 0; k < a.Count; k++)
        {
            var slice = new Gather([.. slices.Select(s => s[k])], a.OutputShape).Apply(x);
            product = product is null ? slice : Mul(product, slice);
        }

        return product ?? Node.Constant(Tensor.Full(a.OutputShape, 1));
    }

    /// <summary>softmax along an axis: exp(log_softmax).</summary>
    public static Node Softmax(Node x, int axis) => Exp(LogSoftmax(x, axis));

    /// <summary>log_softmax along an axis: the fused operation on the last axis, x − logsumexp(x) on another.</summary>
    public static Node LogSoftmax(Node x, int axis)
    {
        var rank = x.Value.Rank;
        var a = axis < 0 ? axis + Math.Max(rank, 1) : axis;
        if (a < 0 || a >= Math.Max(rank, 1))
        {
            throw new ShapeException($"softmax: axis {axis} is out of range for shape {x.Value.ShapeText}");
        }

        return rank == 0 || a == rank - 1 ? LogSoftmax(x) : Sub(x, LogSumExp(x, [a], keepDims: true));
    }

    /// <summary>
    /// The flat index of the first maximum (or minimum) of the whole tensor, or along the axes the
    /// index along them; no gradient (as <c>torch.argmax</c>).
    /// </summary>
    public static Node ArgExtreme(Node x, IReadOnlyList<int>? axis, bool keepDims, bool largest)
    {
        var name = largest ? "argmax" : "argmin";
        if (x.Value.Count == 0)
        {
            throw new ShapeException($"{name} of an empty tensor");
        }

        var a = Axes.Of(x.Value.Shape, axis, keepDims, name);
        var flat = Extremes(x.Value, a, largest);
        if (axis is null)
        {
            return Node.Constant(keepDims ? Tensor.Full(a.OutputShape, flat[0]) : Tensor.Scalar(flat[0]));
        }

        var at = axis[0] < 0 ? axis[0] + x.Value.Rank : axis[0];
        return Node.Constant(new Tensor(a.OutputShape, [.. flat.Select(i => x.Value.Rank == 0 ? 0.0 : x.Value.IndexOf(i)[at])]));
    }

    /// <summary>
    /// Along one axis the gradient goes to the first extreme (<c>torch.max(x, dim)</c>); along
    /// several, ties split it evenly (<c>torch.amax(x, dims)</c>, the only PyTorch form for several).
    /// </summary>
    private static Node Extreme(Node x, IReadOnlyList<int> axes, bool keepDims, bool largest)
    {
        var a = Axes.Of(x.Value.Shape, axes, keepDims, largest ? "max" : "min");
        var first = Extremes(x.Value, a, largest);
        var several = axes.Select(axis => axis < 0 ? axis + x.Value.Rank : axis).Distinct().Count() > 1;
        var ties = new int[first.Length];
        for (var i = 0; several && i < a.Map.Length; i++)
        {
            ties[a.Map[i]] += x.Value.Data[i] == x.Value.Data[first[a.Map[i]]] ? 1 : 0;
        }

        if (!ties.Any(n => n > 1))
        {
            return new Gather(first, a.OutputShape).Apply(x);
        }

        var weights = new double[a.Map.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var o = a.Map[i];
            weights[i] = x.Value.Data[i] == x.Value.Data[first[o]] ? 1.0 / ties[o] : 0;
        }

        return Sum(Mul(x, Node.Constant(new Tensor(x.Value.Shape, weights))), axes, keepDims);
    }

    /// <summary>For each output element, the flat index of the first largest (or smallest) input element that falls into it.</summary>
    private static int[] Extremes(Tensor x, Axes a, bool largest)
    {
        var best = new int[Tensor.Numel(a.OutputShape)];
        Array.Fill(best, -1);
        for (var i = 0; i < a.Map.Length; i++)
        {
            var o = a.Map[i];
            var v = x.Data[i];
            if (best[o] < 0 || (largest ? v > x.Data[best[o]] : v < x.Data[best[o]]) || (double.IsNaN(v) && !double.IsNaN(x.Data[best[o]])))
            {
                best[o] = i;
            }
        }

        return best.Contains(-1) ? throw new ShapeException("a reduction over an empty axis") : best;
    }
}
