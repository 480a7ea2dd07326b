using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Layers as functions, in PyTorch's layouts (training mode).</summary>
internal static class LayerFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("linear", ["x", new("W") { Aliases = ["weight"] }, new("b", "none") { Aliases = ["bias"] }], c => Ops.Linear(c.Arg(0), c.Arg(1), c.Optional(2)),
            "x Wᵀ + b, W laid out (out, in) as PyTorch stores it; x (in) or a batch (N, in)", "`F.linear`")
        {
            Cost = c => Product(c.Arg(0).Value, c.Arg(1).Value),
        },
        new("batchnorm", ["x", new("gamma") { Aliases = ["weight"] }, new("beta") { Aliases = ["bias"] }, new("eps", "1e-5")], c => Ops.BatchNorm(c.Arg(0), c.Arg(1), c.Arg(2), c.Number(3, 1e-5)),
            "training-mode batch normalisation: (x − mean)/√(var + eps)·γ + β per channel, mean and biased variance over N for (N, C), over N, H, W for (N, C, H, W), over every axis but C for any rank from 2",
            "`F.batch_norm(x, None, None, gamma, beta, training=True, eps=eps)`"),
        new("layernorm", ["x", new("gamma") { Aliases = ["weight"] }, new("beta") { Aliases = ["bias"] }, new("eps", "1e-5")], c => Ops.LayerNorm(c.Arg(0), c.Arg(1), c.Arg(2), c.Number(3, 1e-5)),
            "layer normalisation over the last axis: (x − mean)/√(var + eps)·γ + β, biased variance", "`F.layer_norm(x, (D,), gamma, beta, eps)`"),
        new("dropout", ["x", "mask", "p"], c => Ops.Dropout(c.Arg(0), c.Arg(1), c.Number(2, 0)),
            "inverted dropout with the mask given: x·mask/(1 − p)", "`F.dropout(x, p, training=True)` with its mask"),
    ];

    /// <summary>x Wᵀ for W (out, in): N·out results for N·out·in multiply-adds.</summary>
    private static Cost? Product(Tensor x, Tensor w)
    {
        if (w.Rank != 2 || x.Rank == 0)
        {
            return null;
        }

        double rows = x.Count / Math.Max(1.0, x.Shape[^1]), outputs = rows * w.Shape[0];
        return new Cost("linear", outputs, outputs * w.Shape[1]);
    }
}
