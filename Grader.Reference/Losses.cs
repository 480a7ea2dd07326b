namespace Grader.Reference;

/// <summary>
/// The course's loss functions, each composed from primitive operations. A loss of a batch is
/// reduced as PyTorch's default does (<see cref="Reduction.Mean"/>) unless told otherwise.
/// </summary>
public static class Losses
{
    /// <summary>Mean squared error, mean((p − t)²), or Σ(p − t)² with <see cref="Reduction.Sum"/>.</summary>
    public static Node Mse(Node p, Node t, Reduction reduction = Reduction.Mean) =>
        Reduce(Squared(Ops.Sub(p, t)), reduction);

    /// <summary>Sum of squared errors, Σ(p − t)².</summary>
    public static Node Sse(Node p, Node t) => Ops.Sum(Squared(Ops.Sub(p, t)));

    /// <summary>
    /// Softmax cross-entropy −Σ t · log_softmax(logits) over the classes: the last axis of (C) or
    /// (N, C), and axis 1 of (N, C, d₁, …, d_k) as PyTorch's K-dimensional case. The target is
    /// one-hot (or any distribution) of the logits' shape, or 0-based class indices ((), (N) or
    /// (N, d₁, …, d_k)). A batch gives the mean of its positions' losses, their sum with
    /// <see cref="Reduction.Sum"/>, or each with <see cref="Reduction.None"/>.
    /// </summary>
    public static Node CrossEntropy(Node logits, Node target, Reduction reduction = Reduction.Mean)
    {
        var (l, target2) = ClassesLast(logits, target);
        return CrossEntropyOverLastAxis(l, target2, reduction);
    }

    private static Node CrossEntropyOverLastAxis(Node logits, Node target, Reduction reduction)
    {
        var t = target.Value.SameShape(logits.Value) ? target : OneHot(logits.Value, ClassIndices(logits.Value, target.Value, "cross_entropy"), "cross_entropy");
        if (reduction == Reduction.None)
        {
            return Ops.Neg(Ops.Sum(Ops.Mul(t, Ops.LogSoftmax(logits)), [-1]));
        }

        var total = Ops.Neg(Ops.Sum(Ops.Mul(t, Ops.LogSoftmax(logits))));
        return PerRow(total, Rows(logits.Value), reduction);
    }

    /// <summary>
    /// Multiclass SVM (hinge) loss Σ_{j≠label} max(0, s_j − s_label + 1) for a score vector and a
    /// 0-based label, or for a batch (N, C) of score rows and N labels (mean of the rows' losses,
    /// or their sum with <see cref="Reduction.Sum"/>). Each margin is a rectifier, so a margin of
    /// exactly 0 passes no gradient, as relu′(0) = 0 and PyTorch's multi-margin loss.
    /// </summary>
    public static Node Hinge(Node scores, Node label, Reduction reduction = Reduction.Mean)
    {
        if (scores.Value.Rank is not (1 or 2))
        {
            throw new ShapeException($"hinge needs a score vector (C) or a batch (N, C), got {scores.Value.ShapeText}");
        }

        var classes = scores.Value.Shape[^1];
        var rows = Rows(scores.Value);
        var s = scores.Value.Rank == 1 ? Ops.Reshape(scores, [1, classes]) : scores;
        var oneHot = OneHot(s.Value, label.Value, "hinge");
        var correct = Ops.Sum(Ops.Mul(s, oneHot), [1], keepDims: true); // (N, 1): each row's correct score, broadcast over its row
        var margins = Ops.Relu(Ops.Add(Ops.Sub(s, correct), Ops.Constant(1)));
        var others = Node.Constant(oneHot.Value.Map(v => 1 - v));
        if (reduction == Reduction.None)
        {
            var perRow = Ops.Sum(Ops.Mul(margins, others), [1]);
            return scores.Value.Rank == 1 ? Ops.Reshape(perRow, []) : perRow;
        }

        return PerRow(Ops.Sum(Ops.Mul(margins, others)), rows, reduction);
    }

    /// <summary>
    /// Binary cross-entropy −mean(t·log p + (1 − t)·log(1 − p)) for probabilities p, or the sum
    /// with <see cref="Reduction.Sum"/>, as PyTorch's <c>binary_cross_entropy</c>: each log kept at or
    /// above −100 and the gradient's denominator p(1 − p) at or above 10⁻¹² (<see cref="Functions.BinaryCrossEntropy"/>).
    /// </summary>
    public static Node Bce(Node p, Node t, Reduction reduction = Reduction.Mean) =>
        Reduce(Ops.BinaryCrossEntropy(p, SameShape("bce", p, t)), reduction);

    /// <summary>
    /// Negative log-likelihood of log-probabilities (C), (N, C) or (N, C, d₁, …, d_k) (classes on
    /// axis 1, as PyTorch) at 0-based class indices: −input[n, tₙ], the mean over the positions
    /// by default (PyTorch's <c>nll_loss</c>).
    /// </summary>
    public static Node NllLoss(Node input, Node target, Reduction reduction = Reduction.Mean)
    {
        if (input.Value.Rank == 0)
        {
            throw new ShapeException($"nll_loss needs log-probabilities (C), (N, C) or (N, C, d1, ...), got {input.Value.ShapeText}");
        }

        (input, _) = ClassesLast(input, target);
        var perRow = Ops.Neg(Ops.Sum(Ops.Mul(OneHot(input.Value, ClassIndices(input.Value, target.Value, "nll_loss"), "nll_loss"), input), [-1]));
        return reduction switch
        {
            Reduction.None => perRow,
            Reduction.Sum => Ops.Sum(perRow),
            _ => Ops.Mean(perRow),
        };
    }

    /// <summary>
    /// Binary cross-entropy of logits x and targets t: (1 − t)·x + log(1 + e^(−x)), stable, the
    /// mean by default (PyTorch's <c>binary_cross_entropy_with_logits</c>; its gradient is σ(x) − t).
    /// </summary>
    public static Node BceWithLogits(Node x, Node t, Reduction reduction = Reduction.Mean) =>
        Reduce(Ops.Add(Ops.Mul(Ops.Sub(Ops.Constant(1), SameShape("bce_with_logits", x, t)), x), Ops.Softplus(Ops.Neg(x))), reduction);

    /// <summary>
    /// The target of a binary cross-entropy, which PyTorch takes only in the input's own shape (it
    /// does not broadcast: "target size must be the same as input size"); a one-element target of a
    /// one-element input is taken whatever its shape, as a number equals a one-element tensor here.
    /// </summary>
    private static Node SameShape(string name, Node input, Node target) =>
        target.Value.SameShape(input.Value) || (input.Value.Count == 1 && target.Value.Count == 1)
            ? target
            : throw new ShapeException($"{name}: the target's shape {target.Value.ShapeText} must be the input's {input.Value.ShapeText}, as in PyTorch (it does not broadcast)");

    /// <summary>
    /// PyTorch's K-dimensional case: input (N, C, d₁, …, d_k) with its classes moved to the last
    /// axis, (N, d₁, …, d_k, C), and a target of the input's shape moved alike (class indices,
    /// (N, d₁, …, d_k), already line up with the moved input's positions).
    /// </summary>
    private static (Node Input, Node Target) ClassesLast(Node input, Node target)
    {
        var rank = input.Value.Rank;
        if (rank < 3)
        {
            return (input, target);
        }

        int[] order = [0, .. Enumerable.Range(2, rank - 2), 1];
        return (Ops.Permute(input, order), target.Value.SameShape(input.Value) ? Ops.Permute(target, order) : target);
    }

    /// <summary>Mean absolute error, mean |input − target| (PyTorch's <c>l1_loss</c>; its gradient at input = target is 0, as |x|′(0)).</summary>
    public static Node L1(Node input, Node target, Reduction reduction = Reduction.Mean) =>
        Reduce(Ops.Abs(Ops.Sub(input, target)), reduction);

    /// <summary>
    /// PyTorch's <c>smooth_l1_loss</c>: with z = |input − target|, 0.5·z²/β where z &lt; β, else z − 0.5·β;
    /// β = 0 is |input − target| (its gradient −1 at input = target, as PyTorch's backward). At z = β the gradient is ±1 from either side and the second derivative 0 (PyTorch's double backward, masked by z &lt; β).
    /// </summary>
    public static Node SmoothL1(Node input, Node target, Reduction reduction = Reduction.Mean, double beta = 1)
    {
        if (!(beta >= 0) || double.IsInfinity(beta))
        {
            throw new ShapeException($"smooth_l1_loss: beta must be a finite number at least 0, got {beta}");
        }

        var d = Ops.Sub(input, target);
        if (beta == 0)
        {
            // |d|, with PyTorch's backward at β = 0: −1 where d ≤ 0, so −1 at d = 0 (l1_loss gives 0 there),
            // to the target too (its gradient is the same backward with the two swapped).
            var body = Ops.Where(d.Value.Map(v => v > 0 ? 1.0 : 0.0), d, Ops.Neg(d));
            if (d.Value.Data.Contains(0))
            {
                var tie = Ops.Neg(Ops.Add(Ops.Sub(input, Node.Constant(input.Value)), Ops.Sub(target, Node.Constant(target.Value))));
                body = Ops.Where(d.Value.Map(v => v == 0 ? 0.0 : 1.0), body, tie);
            }

            return Reduce(body, reduction);
        }

        var z = Ops.Abs(d);
        var inside = z.Value.Map(v => v < beta ? 1.0 : 0.0);
        return Reduce(Ops.Where(inside, Ops.Mul(Squared(d), Ops.Constant(0.5 / beta)), Ops.Sub(z, Ops.Constant(0.5 * beta))), reduction);
    }

    /// <summary>
    /// PyTorch's <c>huber_loss</c>: with z = |input − target|, 0.5·z² where z &lt; δ, else δ·(z − 0.5·δ) (δ &gt; 0),
    /// which is δ·<see cref="SmoothL1"/> with β = δ (as PyTorch documents it); at z = δ the gradient is
    /// ±δ from either side and the second derivative 0.
    /// </summary>
    public static Node Huber(Node input, Node target, Reduction reduction = Reduction.Mean, double delta = 1) =>
        !(delta > 0) || double.IsInfinity(delta)
            ? throw new ShapeException($"huber_loss: delta must be a finite number above 0, as in PyTorch, got {delta}")
            : Ops.Mul(SmoothL1(input, target, reduction, delta), Ops.Constant(delta));

    /// <summary>
    /// Class-index targets of a batch: one per position, of the input's shape without its class
    /// axis ((N) for (N, C)), as PyTorch ("multi-target not supported" for (N, 1)); a single
    /// sample's (C) takes one index of any one-element shape.
    /// </summary>
    private static Tensor ClassIndices(Tensor input, Tensor target, string what) =>
        input.Rank >= 2 && !target.Shape.AsSpan().SequenceEqual(input.Shape.AsSpan(0, input.Rank - 1))
            ? throw new ShapeException($"{what}: class-index targets for input {input.ShapeText} have shape {Tensor.FormatShape(input.Shape[..^1])}, one per position, got {target.ShapeText} (PyTorch: multi-target not supported)")
            : target;

    private static Node Squared(Node x) => Ops.Mul(x, x);

    private static Node Reduce(Node x, Reduction reduction) => reduction switch
    {
        Reduction.Sum => Ops.Sum(x),
        Reduction.None => x,
        _ => Ops.Mean(x),
    };

    private static int Rows(Tensor logits)
    {
        var classes = logits.Rank == 0 ? 1 : logits.Shape[^1];
        return classes == 0 ? 0 : logits.Count / classes;
    }

    private static Node PerRow(Node total, int rows, Reduction reduction) =>
        reduction == Reduction.Sum || rows <= 1 ? total : Ops.Mul(total, Ops.Constant(1.0 / rows));

    private static Node OneHot(Tensor logits, Tensor target, string what)
    {
        var classes = logits.Rank == 0 ? 1 : logits.Shape[^1];
        var rows = Rows(logits);
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
