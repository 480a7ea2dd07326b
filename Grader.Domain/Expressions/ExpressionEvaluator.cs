using Grader.Reference;

namespace Grader.Domain.Expressions;

/// <summary>
/// Evaluates a parsed expression to a node of the reference engine's graph. Every error is an
/// <see cref="ExpressionException"/> at the column of the operator, call or name at fault.
/// Every operation is charged to the ambient <see cref="EvaluationBudget"/> (or, without one,
/// to this evaluator's own default budget): operations that can grow their result (matrix
/// products, outer products, convolution, pooling) before they run, every result after.
/// </summary>
public sealed class ExpressionEvaluator(IEvaluationScope scope, IReadOnlyDictionary<string, Reference.Tensor>? substitutions = null)
{
    private readonly EvaluationBudget budget = EvaluationBudget.Current ?? new EvaluationBudget();

    /// <summary>Evaluates an expression.</summary>
    public Node Evaluate(Expr expr)
    {
        var node = EvaluateItself(expr);

        // A substituted sub-expression takes the given value; gradients still flow through it.
        return substitutions is not null && expr is not (NumberExpr or NameExpr or TextExpr)
            && substitutions.TryGetValue(ExprText.Of(expr), out var substitute) && substitute.Count == node.Value.Count
            ? node.WithValue(substitute)
            : node;
    }

    private Node EvaluateItself(Expr expr)
    {
        if (expr is NameExpr name)
        {
            // Names stand for values already charged when they were made.
            return scope.Resolve(name.Name, name.Column);
        }

        try
        {
            var node = expr switch
            {
                NumberExpr n => Node.Constant(Tensor.Scalar(n.Value)),
                TextExpr t => throw new ExpressionException($"a quoted word (\"{t.Text}\") is only an option's value, as in reduction=\"sum\"", t.Column),
                ListExpr l => Node.Constant(TensorLiteral.Build(l, e => Evaluate(e).Value)),
                UnaryExpr { Operator: '-' } u => Ops.Neg(Evaluate(u.Operand)),
                UnaryExpr u => Evaluate(u.Operand),
                BinaryExpr b => Binary(b),
                CallExpr c => Call(c),
                _ => throw new ExpressionException("unsupported expression", expr.Column),
            };
            budget.Charge(What(expr), node.Value.Count);
            return node;
        }
        catch (ShapeException ex)
        {
            throw new ExpressionException(ex.Message, expr.Column);
        }
        catch (EvaluationBudgetException ex)
        {
            throw new ExpressionException(ex.Message, expr.Column);
        }
        catch (OverflowException)
        {
            throw new ExpressionException("a size in this expression is too large", expr.Column);
        }
    }

    private static string What(Expr expr) => expr switch
    {
        CallExpr c => c.Function,
        BinaryExpr b => $"'{b.Operator}'",
        ListExpr => "the list",
        _ => "the expression",
    };

    private Node Binary(BinaryExpr b)
    {
        var left = Evaluate(b.Left);
        var right = Evaluate(b.Right);
        try
        {
            if (b.Operator == '@')
            {
                ReserveProduct("@", left.Value, right.Value);
            }

            return b.Operator switch
            {
                '+' => Ops.Add(left, right),
                '-' => Ops.Sub(left, right),
                '*' => Ops.Mul(left, right),
                '/' => Ops.Div(left, right),
                '^' => Ops.Pow(left, right),
                '@' => Ops.MatMul(left, right),
                _ => throw new ExpressionException($"unknown operator '{b.Operator}'", b.Column),
            };
        }
        catch (ShapeException ex)
        {
            throw new ExpressionException(ex.Message, b.Column);
        }
        catch (EvaluationBudgetException ex)
        {
            throw new ExpressionException(ex.Message, b.Column);
        }
    }

    /// <summary>Reserves a matrix product's result and work: (m,n)@(n,k) makes m·k elements for m·n·k multiply-adds.</summary>
    private void ReserveProduct(string what, Tensor a, Tensor b)
    {
        if (a.Rank is 1 or 2 && b.Rank is 1 or 2)
        {
            double m = a.Rank == 2 ? a.Shape[0] : 1, n = a.Shape[^1], k = b.Rank == 2 ? b.Shape[1] : 1;
            budget.Reserve(what, m * k, m * n * k);
        }
    }

    private Node Call(CallExpr call)
    {
        if (!Builtins.Functions.TryGetValue(call.Function, out var signature))
        {
            throw new ExpressionException($"unknown function '{call.Function}'{DidYouMean.Hint(call.Function, Builtins.Functions.Keys)}", call.Column);
        }

        var args = Bind(call, signature);
        Node Arg(int i) => Evaluate(args[i]!);
        Node? Optional(int i) => args[i] is null ? null : Evaluate(args[i]!);
        try
        {
            return call.Function switch
            {
                "sin" => Ops.Sin(Arg(0)),
                "cos" => Ops.Cos(Arg(0)),
                "tan" => Ops.Tan(Arg(0)),
                "exp" => Ops.Exp(Arg(0)),
                "log" => Ops.Log(Arg(0)),
                "sqrt" => Ops.Sqrt(Arg(0)),
                "abs" => Ops.Abs(Arg(0)),
                "tanh" => Ops.Tanh(Arg(0)),
                "sigmoid" => Ops.Sigmoid(Arg(0)),
                "relu" => Ops.Relu(Arg(0)),
                "leaky_relu" => Ops.LeakyRelu(Arg(0), Number(args[1], 0.01)),
                "elu" => Ops.Elu(Arg(0), Number(args[1], 1)),
                "softmax" => Ops.Softmax(Arg(0)),
                "log_softmax" => Ops.LogSoftmax(Arg(0)),
                "sum" => Ops.Sum(Arg(0)),
                "mean" => Ops.Mean(Arg(0)),
                "max" => Ops.Max(Arg(0)),
                "maximum" => Ops.Maximum(Arg(0), Arg(1)),
                "dot" => Ops.Dot(Arg(0), Arg(1)),
                "outer" => Outer(Arg(0), Arg(1)),
                "norm" => Ops.Norm(Arg(0)),
                "reshape" => Ops.Reshape(Arg(0), Shape(args[1]!)),
                "flatten" => Ops.Flatten(Arg(0)),
                "transpose" => Ops.Transpose(Arg(0)),
                "flip" => Ops.Flip(Arg(0)),
                "conv2d" => Conv2d(Arg(0), Arg(1), Optional(2), Whole(args[3], 1), Whole(args[4], 0)),
                "maxpool2d" => Pool(args, Ops.MaxPool2d),
                "avgpool2d" => Pool(args, Ops.AvgPool2d),
                "mse" => Losses.Mse(Arg(0), Arg(1), ReductionOf(args[2])),
                "sse" => Losses.Sse(Arg(0), Arg(1)),
                "cross_entropy" => Losses.CrossEntropy(Arg(0), Arg(1), ReductionOf(args[2])),
                "hinge" => Losses.Hinge(Arg(0), Arg(1), ReductionOf(args[2])),
                "bce" => Losses.Bce(Arg(0), Arg(1), ReductionOf(args[2])),
                "grad" => Gradient(args[0]!, args[1]!),
                "shape" => Node.Constant(Tensor.Vector([.. Arg(0).Value.Shape.Select(d => (double)d)])),
                "numel" => Node.Constant(Tensor.Scalar(Arg(0).Value.Count)),
                "params" => NetworkQuery(args, ParamsOf),
                "output_shape" => NetworkQuery(args, OutputShapeOf),
                _ => throw new ExpressionException($"unknown function '{call.Function}'", call.Column),
            };
        }
        catch (ShapeException ex)
        {
            throw new ExpressionException(Prefixed(call.Function, ex.Message), call.Column);
        }
        catch (EvaluationBudgetException ex)
        {
            throw new ExpressionException(ex.Message, call.Column);
        }
    }

    private Node Outer(Node a, Node b)
    {
        budget.Reserve("outer", (double)a.Value.Count * b.Value.Count, (double)a.Value.Count * b.Value.Count);
        return Ops.Outer(a, b);
    }

    /// <summary>Reserves the convolution's output (F·H'·W') and work (outputs·C·kH·kW) before it runs.</summary>
    private Node Conv2d(Node x, Node k, Node? bias, int stride, int padding)
    {
        var (xs, ks) = (x.Value.Shape, k.Value.Shape);
        if (xs.Length is 2 or 3 && ks.Length is 2 or 4)
        {
            int c = xs.Length == 3 ? xs[0] : 1, f = ks.Length == 4 ? ks[0] : 1, kh = ks[^2], kw = ks[^1];
            double outputs = (double)f
                * new Window(kh, stride, padding).OutputLength(xs[^2], "conv2d height")
                * new Window(kw, stride, padding).OutputLength(xs[^1], "conv2d width");
            budget.Reserve("conv2d", outputs, outputs * c * kh * kw);
        }

        return Ops.Conv2d(x, k, bias, stride, padding);
    }

    /// <summary>The message with the function's name in front, unless it already starts with it.</summary>
    private static string Prefixed(string function, string message) =>
        message.StartsWith(function, StringComparison.Ordinal)
        && (message.Length == function.Length || !(char.IsAsciiLetterOrDigit(message[function.Length]) || message[function.Length] == '_'))
            ? message
            : $"{function}: {message}";

    private static Expr?[] Bind(CallExpr call, FunctionSignature signature)
    {
        var names = signature.Parameters;
        if (call.Arguments.Count > names.Length)
        {
            throw new ExpressionException(
                $"{call.Function} takes at most {names.Length} argument(s) ({string.Join(", ", names)}), got {call.Arguments.Count}",
                call.Arguments[names.Length].Column);
        }

        var bound = new Expr?[names.Length];
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            bound[i] = call.Arguments[i];
        }

        foreach (var kw in call.Keywords)
        {
            var i = Array.IndexOf(names, kw.Name);
            if (i < 0)
            {
                throw new ExpressionException(
                    $"{call.Function} has no argument '{kw.Name}'{DidYouMean.Hint(kw.Name, names)} (it takes {string.Join(", ", names)})", kw.Column);
            }

            if (bound[i] is not null)
            {
                throw new ExpressionException($"argument '{kw.Name}' of {call.Function} given twice", kw.Column);
            }

            bound[i] = kw.Value;
        }

        for (var i = 0; i < signature.Required; i++)
        {
            if (bound[i] is null)
            {
                throw new ExpressionException($"{call.Function} needs argument '{names[i]}'", call.Column);
            }
        }

        return bound;
    }

    /// <summary>Reserves the pooling's output (C·H'·W') and work (outputs·size²) before it runs.</summary>
    private Node Pool(Expr?[] args, Func<Node, int, int?, int, Node> pool)
    {
        var size = Whole(args[1], 0);
        var x = Evaluate(args[0]!);
        var stride = args[2] is null ? (int?)null : Whole(args[2], size);
        var padding = Whole(args[3], 0);
        if (x.Value.Shape is { Length: 2 or 3 } xs && 2 * padding <= size)
        {
            var window = new Window(size, stride ?? size, padding);
            double outputs = (double)(xs.Length == 3 ? xs[0] : 1) * window.OutputLength(xs[^2], "pooling height") * window.OutputLength(xs[^1], "pooling width");
            budget.Reserve("pooling", outputs, outputs * size * size);
        }

        return pool(x, size, stride, padding);
    }

    private Node Gradient(Expr f, Expr v)
    {
        if (v is not NameExpr name)
        {
            throw new ExpressionException("grad's second argument must be the name of a value or graph node", v.StartColumn);
        }

        var output = Evaluate(f);
        if (!output.Value.IsScalarLike)
        {
            throw new ExpressionException(
                $"grad needs a scalar to differentiate, but its first argument has shape {output.Value.ShapeText}", f.StartColumn);
        }

        var target = scope.Resolve(name.Name, name.Column);
        budget.CheckTime();
        var grads = scope.GradientsOf(output);

        // The gradient keeps its place in the graph (PyTorch's create_graph=True): a grad of an
        // expression that holds it differentiates through the backward pass, built only then.
        return grads.TryGetValue(target, out var g)
            ? Node.Gradient(output, target, g)
            : Node.Constant(Tensor.Zeros(target.Value.Shape));
    }

    private Node NetworkQuery(Expr?[] args, Func<Networks.Network, int?, Tensor> query)
    {
        if (args[0] is not NameExpr name)
        {
            throw new ExpressionException("expected the name of a network", args[0]!.Column);
        }

        var network = scope.FindNetwork(name.Name)
            ?? throw new ExpressionException($"unknown network '{name.Name}'", name.Column);
        int? layer = null;
        if (args[1] is not null)
        {
            layer = Whole(args[1], 0);
            if (layer < 1 || layer > network.Layers.Count)
            {
                throw new ExpressionException(
                    $"network {network.Name} has layers 1 to {network.Layers.Count}, not {layer}", args[1]!.Column);
            }
        }

        try
        {
            return Node.Constant(query(network, layer));
        }
        catch (Networks.ArchitectureException ex)
        {
            throw new ExpressionException(ex.Message, name.Column);
        }
    }

    private static Tensor ParamsOf(Networks.Network n, int? layer) =>
        Tensor.Scalar(layer is { } i ? n.ParametersOf(i) : n.Parameters());

    private static Tensor OutputShapeOf(Networks.Network n, int? layer) =>
        Tensor.Vector([.. n.ShapeAfter(layer ?? n.Layers.Count).Select(d => (double)d)]);

    private double Number(Expr? expr, double fallback)
    {
        if (expr is null)
        {
            return fallback;
        }

        var v = Evaluate(expr).Value;
        return v.IsScalarLike ? v.Data[0] : throw new ExpressionException($"expected a number, got shape {v.ShapeText}", expr.StartColumn);
    }

    private static Reduction ReductionOf(Expr? expr) => expr switch
    {
        null => Reduction.Mean,
        TextExpr { Text: "mean" } => Reduction.Mean,
        TextExpr { Text: "sum" } => Reduction.Sum,
        _ => throw new ExpressionException("reduction is \"mean\" (the default) or \"sum\"", expr.StartColumn),
    };

    private int Whole(Expr? expr, int fallback)
    {
        var v = Number(expr, fallback);
        return v == Math.Floor(v) && Math.Abs(v) <= 1_000_000
            ? (int)v
            : throw new ExpressionException($"expected a whole number, got {v}", expr!.StartColumn);
    }

    private int[] Shape(Expr expr)
    {
        var v = Evaluate(expr).Value;
        if (v.Rank > 1)
        {
            throw new ExpressionException($"a shape is a list of sizes, got shape {v.ShapeText}", expr.StartColumn);
        }

        if (v.Count > Limits.MaxTensorRank || v.Data.Any(d => d < 0 || d != Math.Floor(d) || d > Limits.MaxTensorElements))
        {
            throw new ExpressionException($"a shape is a list of at most {Limits.MaxTensorRank} whole sizes, got {v}", expr.StartColumn);
        }

        return [.. v.Data.Select(d => (int)d)];
    }
}
