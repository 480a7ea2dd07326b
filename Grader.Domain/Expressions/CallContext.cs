using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>
/// One call being evaluated: its bound arguments, each evaluated at most once and only when asked
/// for, with the checks every function shares (a number, a whole number, a shape, a reduction).
/// </summary>
public sealed class CallContext
{
    private readonly Func<Expr, Node> evaluate;
    private Expr?[] args = [];
    private Node?[] values = [];
    private Dictionary<int, IReadOnlyList<Node>>? lists;

    /// <summary>A context for the calls of one evaluator at one depth of nesting (see <see cref="Start"/>).</summary>
    internal CallContext(Func<Expr, Node> evaluate, IEvaluationScope scope, EvaluationBudget budget)
    {
        Budget = budget;
        this.evaluate = evaluate;
        Scope = scope;
    }

    /// <summary>The call.</summary>
    public CallExpr Call { get; private set; } = null!;

    /// <summary>What names mean here.</summary>
    public IEvaluationScope Scope { get; }

    /// <summary>The evaluation's budget.</summary>
    public EvaluationBudget Budget { get; }

    /// <summary>
    /// Makes this context the one of <paramref name="call"/>, with no argument bound or evaluated
    /// yet, and returns the array its <paramref name="parameters"/> arguments are bound into.
    /// </summary>
    internal Expr?[] Start(CallExpr call, int parameters)
    {
        Call = call;
        if (args.Length == parameters)
        {
            Array.Clear(args);
            Array.Clear(values);
        }
        else
        {
            args = new Expr?[parameters];
            values = new Node?[parameters];
        }

        lists?.Clear();
        return args;
    }

    /// <summary>Argument i as written, or null when it was not given.</summary>
    public Expr? Raw(int i) => args[i];

    /// <summary>Argument i's value (a required argument, or an optional one that was given).</summary>
    public Node Arg(int i) => values[i] ??= evaluate(args[i] ?? throw new ExpressionException($"{Call.Function} needs argument {i + 1}", Call.Column));

    /// <summary>Argument i's value, or null when it was not given.</summary>
    public Node? Optional(int i) => args[i] is null ? null : Arg(i);

    /// <summary>Argument i as one number, or the fallback when it was not given.</summary>
    public double Number(int i, double fallback)
    {
        if (args[i] is null)
        {
            return fallback;
        }

        var v = Arg(i).Value;
        return v.IsScalarLike ? v.Data[0] : throw new ExpressionException($"expected a number, got shape {v.ShapeText}", args[i]!.StartColumn);
    }

    /// <summary>Argument i as a whole number, or the fallback when it was not given.</summary>
    public int Whole(int i, int fallback)
    {
        var v = Number(i, fallback);
        return v == Math.Floor(v) && Math.Abs(v) <= 1_000_000
            ? (int)v
            : throw new ExpressionException($"expected a whole number, got {v}", args[i]!.StartColumn);
    }

    /// <summary>Argument i as a shape: a list of whole sizes.</summary>
    public int[] Shape(int i)
    {
        var v = Arg(i).Value;
        if (v.Rank > 1)
        {
            throw new ExpressionException($"a shape is a list of sizes, got shape {v.ShapeText}", args[i]!.StartColumn);
        }

        if (v.Count > Limits.MaxTensorRank || v.Data.Any(d => d < 0 || d != Math.Floor(d) || d > Limits.MaxTensorElements))
        {
            throw new ExpressionException($"a shape is a list of at most {Limits.MaxTensorRank} whole sizes, got {v}", args[i]!.StartColumn);
        }

        return [.. v.Data.Select(d => (int)d)];
    }

    /// <summary>Argument i as axes (an integer or a list of integers, negative from the end), or null when not given.</summary>
    public int[]? Axes(int i)
    {
        if (args[i] is null)
        {
            return null;
        }

        var v = Arg(i).Value;
        if (v.Rank > 1 || v.Data.Any(d => d != Math.Floor(d) || Math.Abs(d) > Limits.MaxTensorRank))
        {
            throw new ExpressionException($"an axis is a whole number or a list of them (negative from the end), got {v}", args[i]!.StartColumn);
        }

        // An empty list reduces every axis, as PyTorch's dim=[] (NumPy's axis=() would reduce none).
        return v.Count == 0 ? null : [.. v.Data.Select(d => (int)d)];
    }

    /// <summary>Argument i as true or false (1 or 0), or the fallback when it was not given.</summary>
    public bool Flag(int i, bool fallback)
    {
        if (args[i] is null)
        {
            return fallback;
        }

        var v = Number(i, 0);
        return v is 0 or 1 ? v == 1 : throw new ExpressionException($"expected true or false, got {v}", args[i]!.StartColumn);
    }

    /// <summary>Argument i as a quoted word among <paramref name="choices"/> (the first is the default).</summary>
    public string Choice(int i, params string[] choices) => args[i] switch
    {
        null => choices[0],
        TextExpr t when choices.Contains(t.Text) => t.Text,
        var e => throw new ExpressionException(
            $"{Call.Function} takes {string.Join(" or ", choices.Select(c => $"\"{c}\""))} here", e.StartColumn),
    };

    /// <summary>Argument i as a loss reduction: "mean" (the default), "sum" or "none".</summary>
    public Reduction Reduction(int i) => args[i] switch
    {
        null => Reference.Reduction.Mean,
        TextExpr { Text: "mean" } => Reference.Reduction.Mean,
        TextExpr { Text: "sum" } => Reference.Reduction.Sum,
        TextExpr { Text: "none" } => Reference.Reduction.None,
        var e => throw new ExpressionException("reduction is \"mean\" (the default), \"sum\" or \"none\"", e.StartColumn),
    };

    /// <summary>
    /// Argument i as a list of tensors written <c>[a, b, …]</c>: each item evaluated as its own node,
    /// so that gradients flow to each (a list literal of numbers is a constant tensor otherwise).
    /// </summary>
    public IReadOnlyList<Node> Items(int i) => (lists ??= []).TryGetValue(i, out var items) ? items : lists[i] = args[i] switch
    {
        ListExpr { Items.Count: > 0 } list => [.. list.Items.Select(evaluate)],
        ListExpr list => throw new ExpressionException($"{Call.Function} needs at least one tensor", list.Column),
        var e => throw new ExpressionException(
            $"{Call.Function} takes a list of tensors written [a, b, …]", e?.StartColumn ?? Call.Column),
    };
}
