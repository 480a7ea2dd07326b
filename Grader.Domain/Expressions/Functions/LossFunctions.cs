using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Losses.</summary>
internal static class LossFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("mse", ["p", "t", new("reduction", "\"mean\"")], c => Losses.Mse(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "mean((p − t)²) over every element (or the sum)", "`F.mse_loss`"),
        new("mse_loss", ["input", "target", new("reduction", "\"mean\"")], c => Losses.Mse(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "mean((input − target)²) over every element; \"sum\", or \"none\" for each element's", "`F.mse_loss`"),
        new("sse", ["p", "t"], c => Losses.Sse(c.Arg(0), c.Arg(1)), "Σ(p − t)²", "`F.mse_loss(reduction=\"sum\")`"),
        new("cross_entropy", ["logits", "t", new("reduction", "\"mean\"")], c => Losses.CrossEntropy(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "−Σ t·log_softmax(logits) along the last axis, t one-hot or 0-based class indices; over a batch (N, C) the mean of the rows, \"sum\", or \"none\" for each row's",
            "`F.cross_entropy`"),
        new("hinge", ["scores", "label", new("reduction", "\"mean\"")], c => Losses.Hinge(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "Σ_{j≠label} max(0, s_j − s_label + 1), the CS231n SVM loss (not divided by the number of classes); over a batch the mean of the rows",
            "`F.multi_margin_loss` × C", "a margin of exactly 0 passes no gradient"),
        new("nll_loss", ["input", "target", new("reduction", "\"mean\"")], c => Losses.NllLoss(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "−input[n, tₙ] of log-probabilities (C) or (N, C) at class indices t; the mean over the rows, \"sum\" or \"none\"", "`F.nll_loss`"),
        new("bce_with_logits", ["input", "target", new("reduction", "\"mean\"")], c => Losses.BceWithLogits(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "(1 − t)·x + log(1 + e^(−x)) of logits x, stable; the mean over every element, \"sum\" or \"none\"", "`F.binary_cross_entropy_with_logits`"),
        new("bce", ["p", "t", new("reduction", "\"mean\"")], c => Losses.Bce(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "−mean(t log p + (1 − t) log(1 − p)) (or the sum)", "`F.binary_cross_entropy`"),
    ];
}
