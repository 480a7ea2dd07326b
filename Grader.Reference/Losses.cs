namespace Grader.Reference;

/// <summary>The course's loss functions, each composed from primitive operations.</summary>
public static class Losses
{
    /// <summary>Mean squared error, mean((p − t)²).</summary>
    public static Node Mse(Node p, Node t) => Ops.Mean(Squared(Ops.Sub(p, t)));

    /// <summary>Sum of squared errors, Σ(p − t)².</summary>
    public static Node Sse(Node p, Node t) => Ops.Sum(Squared(Ops.Sub(p, t)));

    /// <summary>
    /// Softmax cross-entropy −Σ t · log_softmax(logits). The target is one-hot (or any
    /// distribution) of the logits' shape, or a 0-based class index (one per row for a batch).
    /// </summary>
    public static Node CrossEntropy(Node logits, Node target)
    {
        var t = target.Value.SameShape(logits.Value) ? target : OneHot(logits.Value, target.Value, "cross_entropy");
        return Ops.Neg(Ops.Sum(Ops.Mul(t, Ops.LogSoftmax(logits))));
    }

    /// <summary>
    /// Multiclass SVM (hinge) loss Σ_{j≠label} max(0, s_j − s_label + 1) for a score vector and
    /// a 0-based label.
    /// </summary>
    public static Node Hinge(Node scores, Node label)
    {
        if (scores.Value.Rank != 1)
        {
            throw new ShapeException($"hinge needs a score vector, got {scores.Value.ShapeText}");
        }

        var oneHot = OneHot(scores.Value, label.Value, "hinge");
        var correct = Ops.Sum(Ops.Mul(scores, oneHot));
        var margins = Ops.Maximum(Ops.Constant(0), Ops.Add(Ops.Sub(scores, correct), Ops.Constant(1)));
        var others = Node.Constant(oneHot.Value.Map(v => 1 - v));
        return Ops.Sum(Ops.Mul(margins, others));
    }

    /// <summary>Binary cross-entropy −mean(t·log p + (1 − t)·log(1 − p)) for probabilities p.</summary>
    public static Node Bce(Node p, Node t)
    {
        var one = Ops.Constant(1);
        var terms = Ops.Add(Ops.Mul(t, Ops.Log(p)), Ops.Mul(Ops.Sub(one, t), Ops.Log(Ops.Sub(one, p))));
        return Ops.Neg(Ops.Mean(terms));
    }

    private static Node Squared(Node x) => Ops.Mul(x, x);

    private static Node OneHot(Tensor logits, Tensor target, string what)
    {
        var classes = logits.Rank == 0 ? 1 : logits.Shape[^1];
        var rows = classes == 0 ? 0 : logits.Count / classes;
        if (target.Count != rows)
        {
            throw new ShapeException($"{what} needs a one-hot target of shape {logits.ShapeText} or {rows} class index(es), got {target.ShapeText}");
        }

        var hot = Tensor.Zeros(logits.Shape);
        for (var r = 0; r < rows; r++)
        {
            var c = target.Data[r];
            if (c != Math.Floor(c) || c < 0 || c >= classes)
            {
                throw new ShapeException($"{what}: class index {c} is not a whole number from 0 to {classes - 1}");
            }

            hot.Data[(r * classes) + (int)c] = 1;
        }

        return Node.Constant(hot);
    }
}
