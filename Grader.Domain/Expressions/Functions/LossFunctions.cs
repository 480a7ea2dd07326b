using Grader.Reference;

namespace Grader.Domain.Expressions.Functions;

/// <summary>Losses.</summary>
internal static class LossFunctions
{
    /// <summary>The entries, in the documentation's order.</summary>
    public static IEnumerable<BuiltinFunction> All =>
    [
        new("mse", [Input("p"), Target("t"), new("reduction", "\"mean\"")], c => Losses.Mse(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "mean((p − t)²) over every element (or the sum)", "`F.mse_loss`"),
        new("mse_loss", ["input", "target", new("reduction", "\"mean\"")], c => Losses.Mse(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "mean((input − target)²) over every element; \"sum\", or \"none\" for each element's", "`F.mse_loss`"),
        new("sse", [Input("p"), Target("t")], c => Losses.Sse(c.Arg(0), c.Arg(1)), "Σ(p − t)²", "`F.mse_loss(reduction=\"sum\")`"),
        new("l1_loss", ["input", "target", new("reduction", "\"mean\"")], c => Losses.L1(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "mean \\|input − target\\| over every element; \"sum\", or \"none\" for each element's", "`F.l1_loss`", "the gradient where input = target is 0"),
        new("smooth_l1_loss", ["input", "target", new("reduction", "\"mean\""), new("beta", "1")], c => Losses.SmoothL1(c.Arg(0), c.Arg(1), c.Reduction(2), c.Number(3, 1)),
            "with z = \\|input − target\\|: 0.5z²/β where z < β, else z − 0.5β (β = 0 gives z); the mean, \"sum\" or \"none\"", "`F.smooth_l1_loss(input, target, reduction, beta)`",
            "at z = β the second derivative is 0; with β = 0 the gradient where input = target is −1, as PyTorch's"),
        new("huber_loss", ["input", "target", new("reduction", "\"mean\""), new("delta", "1")], c => Losses.Huber(c.Arg(0), c.Arg(1), c.Reduction(2), c.Number(3, 1)),
            "with z = \\|input − target\\|: 0.5z² where z < δ, else δ(z − 0.5δ); the mean, \"sum\" or \"none\"", "`F.huber_loss(input, target, reduction, delta)`",
            "at z = δ the second derivative is 0"),
        new("cross_entropy", [Input("logits"), Target("t"), new("reduction", "\"mean\"")], c => Losses.CrossEntropy(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "−Σ t·log_softmax(logits) over the classes (the last axis of (C) or (N, C), axis 1 of (N, C, d1, …) as PyTorch), t one-hot (or probabilities) of the logits' shape or 0-based class indices; over a batch the mean of the positions, \"sum\", or \"none\" for each position's",
            "`F.cross_entropy`"),
        new("hinge", ["scores", "label", new("reduction", "\"mean\"")], c => Losses.Hinge(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "Σ_{j≠label} max(0, s_j − s_label + 1), the CS231n SVM loss (not divided by the number of classes); over a batch the mean of the rows",
            "`F.multi_margin_loss` × C", "a margin of exactly 0 passes no gradient"),
        new("nll_loss", ["input", "target", new("reduction", "\"mean\"")], c => Losses.NllLoss(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "−input[n, tₙ] of log-probabilities (C), (N, C) or (N, C, d1, …) (classes on axis 1) at class indices t; the mean over the positions, \"sum\" or \"none\"", "`F.nll_loss`"),
        new("bce_with_logits", ["input", "target", new("reduction", "\"mean\"")], c => Losses.BceWithLogits(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "(1 − t)·x + log(1 + e^(−x)) of logits x, stable, t of x's shape (no broadcasting, as PyTorch); the mean over every element, \"sum\" or \"none\"", "`F.binary_cross_entropy_with_logits`"),
        new("bce", [Input("p"), Target("t"), new("reduction", "\"mean\"")], c => Losses.Bce(c.Arg(0), c.Arg(1), c.Reduction(2)),
            "−mean(t log p + (1 − t) log(1 − p)), t of p's shape (no broadcasting, as PyTorch) (or the sum, or \"none\")", "`F.binary_cross_entropy`",
            "each log is kept at or above −100 (p = 0 or 1 gives a finite loss) and the gradient's denominator p(1 − p) at or above 1e-12, as PyTorch"),
    ];

    /// <summary>A loss's prediction under its own name, <c>input=</c> as PyTorch names it.</summary>
    private static Parameter Input(string name) => new(name) { Aliases = ["input"] };

    /// <summary>A loss's target under its own name, <c>target=</c> as PyTorch names it.</summary>
    private static Parameter Target(string name) => new(name) { Aliases = ["target"] };
}
