namespace Grader.Reference;

/// <summary>Layers as functions, in PyTorch's layouts and training-mode semantics.</summary>
public static partial class Ops
{
    /// <summary>A dense layer as <c>F.linear</c>: x Wᵀ + b, W laid out (out, in).</summary>
    public static Node Linear(Node x, Node w, Node? b = null)
    {
        if (w.Value.Rank is not (1 or 2))
        {
            throw new ShapeException($"linear needs a weight (out, in) or (in), got {w.Value.ShapeText}");
        }

        var y = MatMul(x, Transpose(w));
        return b is null ? y : Add(y, b);
    }

    /// <summary>
    /// Batch normalisation in training mode (<c>F.batch_norm(training=True)</c>): each channel
    /// normalised by the batch's mean and biased variance, over N for (N, C), over N and L for
    /// (N, C, L), over N, H and W for (N, C, H, W), over every axis but C for (N, C, D, H, W) and
    /// beyond (PyTorch takes any rank from 2); then scaled by γ and shifted by β, each (C).
    /// </summary>
    public static Node BatchNorm(Node x, Node gamma, Node beta, double eps = 1e-5)
    {
        var rank = x.Value.Rank;
        if (rank < 2)
        {
            throw new ShapeException($"batchnorm needs (N, C), (N, C, L), (N, C, H, W) or (N, C, D, H, W), got {x.Value.ShapeText}");
        }

        if (x.Value.Count == x.Value.Shape[1] && x.Value.Count > 0)
        {
            throw new ShapeException($"batchnorm needs more than one value per channel in training mode (as PyTorch), got {x.Value.ShapeText}");
        }

        int[] axes = [0, .. Enumerable.Range(2, rank - 2)];
        int[] channel = [1, x.Value.Shape[1], .. Enumerable.Repeat(1, rank - 2)];
        return Normalise(x, axes, Channelwise(gamma, channel, "gamma"), Channelwise(beta, channel, "beta"), eps);
    }

    /// <summary>
    /// Layer normalisation over the last axis (<c>F.layer_norm(x, (D,))</c>): each row normalised
    /// by its own mean and biased variance, then scaled by γ and shifted by β, each (D).
    /// </summary>
    public static Node LayerNorm(Node x, Node gamma, Node beta, double eps = 1e-5)
    {
        if (x.Value.Rank == 0)
        {
            throw new ShapeException("layernorm needs at least one axis");
        }

        int[] shape = [x.Value.Shape[^1]];
        return Normalise(x, [-1], Channelwise(gamma, shape, "gamma"), Channelwise(beta, shape, "beta"), eps);
    }

    /// <summary>Inverted dropout with a given mask: x·mask/(1 − p) (<c>F.dropout(training=True)</c> with its random mask written out).</summary>
    public static Node Dropout(Node x, Node mask, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ShapeException($"dropout probability has to be between 0 and 1, but got {p}");
        }

        return p == 1 ? Mul(x, Constant(0)) : Mul(Mul(x, mask), Constant(1 / (1 - p)));
    }

    private static Node Normalise(Node x, int[] axes, Node gamma, Node beta, double eps)
    {
        var centred = Sub(x, Mean(x, axes, keepDims: true));
        var variance = Var(x, axes, keepDims: true);
        var normalised = Div(centred, Sqrt(Add(variance, Constant(eps))));
        return Add(Mul(normalised, gamma), beta);
    }

    private static Node Channelwise(Node p, int[] shape, string what)
    {
        var size = shape.Aggregate(1, (n, d) => n * d);
        return p.Value.Count == size && p.Value.Rank <= 1
            ? Reshape(p, shape)
            : throw new ShapeException($"{what} needs {size} element(s), one per channel, got shape {p.Value.ShapeText}");
    }
}
