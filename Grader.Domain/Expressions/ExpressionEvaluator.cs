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
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<char, string> OperatorNames = new();
    private readonly EvaluationBudget budget = EvaluationBudget.Current ?? new EvaluationBudget();
    private readonly List<CallContext> contexts = [];
    private Func<Expr, Node>? evaluate;
    private int depth;

    /// <summary>This evaluator's <see cref="Evaluate"/> as one delegate, made once rather than at every call.</summary>
    private Func<Expr, Node> EvaluateDelegate => evaluate ??= Evaluate;

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
            // The commonest kinds first: each case is one type test.
            var node = expr switch
            {
                CallExpr c => Call(c),
                BinaryExpr b => Binary(b),
                NumberExpr n => Node.Constant(Tensor.Scalar(n.Value)),
                UnaryExpr { Operator: '-' } u => Ops.Neg(Evaluate(u.Operand)),
                UnaryExpr u => Evaluate(u.Operand),
                IndexExpr i => IndexEvaluation.Evaluate(i, EvaluateDelegate, budget),
                ListExpr l => List(l),
                TextExpr t => throw new ExpressionException($"a quoted word (\"{t.Text}\") is only an option's value, as in reduction=\"sum\"", t.Column),
                SliceExpr s => throw new ExpressionException("a slice a:b is only an index, as in x[a:b]", s.Column),
                _ => throw new ExpressionException("unsupported expression", expr.Column),
            };
            budget.Charge(node.Value.Count, expr, static e => What(e));
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

    /// <summary>
    /// A list literal: a constant when its elements are, else the elements stacked so that the
    /// gradient flows to what they depend on, as <c>torch.stack</c> would
    /// (<c>[[cos(t), -sin(t)], [sin(t), cos(t)]]</c> differentiates in t).
    /// </summary>
    private Node List(ListExpr list)
    {
        var elements = new List<Node>();
        var value = TensorLiteral.Build(list, e =>
        {
            var element = Evaluate(e);
            elements.Add(element);
            return element.Value;
        });
        return elements.Any(e => e.RequiresGrad)
            ? Ops.Reshape(Ops.Stack([.. elements.Select(e => Ops.Reshape(e, []))]), value.Shape)
            : Node.Constant(value);
    }

    private static string What(Expr expr) => expr switch
    {
        CallExpr c => c.Function,
        BinaryExpr b => OperatorNames.GetOrAdd(b.Operator, static op => $"'{ExprText.Spelling(op)}'"),
        ListExpr => "the list",
        IndexExpr => "indexing",
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

            if (left.IsMask && right.IsMask && b.Operator is '+' or '*')
            {
                // Two of PyTorch's bool tensors: + is or (True + True is True) and * is and; the result is a mask again.
                var sum = Ops.Add(left, right).Value;
                return Node.Mask(sum.Map(v => b.Operator == '+' ? Math.Min(v, 1) : v == 2 ? 1 : 0));
            }

            return b.Operator switch
            {
                '+' => Ops.Add(left, right),
                '-' => Ops.Sub(left, right),
                '*' => Ops.Mul(left, right),
                '/' => Ops.Div(left, right),
                '^' => Ops.Pow(left, right),
                '@' => Ops.MatMul(left, right),
                '<' or '>' or '≤' or '≥' or '≡' or '≠' => Ops.Compare(left, right, ExprText.Spelling(b.Operator)),
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

    /// <summary>
    /// Reserves a matrix product's result and work: (m,n)@(n,k) makes m·k elements for m·n·k
    /// multiply-adds, once per element of the broadcast batch axes.
    /// </summary>
    private void ReserveProduct(string what, Tensor a, Tensor b)
    {
        if (a.Rank == 0 || b.Rank == 0)
        {
            return;
        }

        double m = a.Rank >= 2 ? a.Shape[^2] : 1, n = a.Shape[^1], k = b.Rank >= 2 ? b.Shape[^1] : 1;
        double batch = 1;
        for (var i = 3; i <= Math.Max(a.Rank, b.Rank); i++)
        {
            batch *= Math.Max(i <= a.Rank ? a.Shape[^i] : 1, i <= b.Rank ? b.Shape[^i] : 1);
        }

        budget.Reserve(what, batch * m * k, batch * m * n * k);
    }

    private Node Call(CallExpr call)
    {
        if (!FunctionRegistry.All.TryGetValue(call.Function, out var function))
        {
            throw new ExpressionException($"unknown function '{call.Function}'{DidYouMean.Hint(call.Function, FunctionRegistry.All.Keys)}", call.Column);
        }

        // One context per depth of nested calls, reused by the calls at that depth: a call's
        // arguments are evaluated (and their own calls made) while it runs, never after.
        var context = depth < contexts.Count ? contexts[depth] : Added(new CallContext(EvaluateDelegate, scope, budget));
        var signature = function.Signature;
        Bind(call, signature, context.Start(call, signature.Parameters.Length));
        depth++;
        try
        {
            if (function.Cost?.Invoke(context) is { } cost)
            {
                budget.Reserve(cost.What, cost.Elements, cost.Work);
            }

            return function.Evaluate(context);
        }
        catch (ShapeException ex)
        {
            throw new ExpressionException(Prefixed(call.Function, ex.Message), call.Column);
        }
        catch (EvaluationBudgetException ex)
        {
            throw new ExpressionException(ex.Message, call.Column);
        }
        finally
        {
            depth--;
        }
    }

    /// <summary>The message with the function's name in front, unless it already starts with it.</summary>
    private static string Prefixed(string function, string message) =>
        message.StartsWith(function, StringComparison.Ordinal)
        && (message.Length == function.Length || !(char.IsAsciiLetterOrDigit(message[function.Length]) || message[function.Length] == '_'))
            ? message
            : $"{function}: {message}";

    private CallContext Added(CallContext context)
    {
        contexts.Add(context);
        return context;
    }

    private static void Bind(CallExpr call, FunctionSignature signature, Expr?[] bound)
    {
        var names = signature.Parameters;
        if (signature.Variadic && call.Arguments.Count > names.Length)
        {
            // torch.zeros(2, 3): the sizes one by one are the list of them.
            var last = names.Length - 1;
            call = call with { Arguments = [.. call.Arguments.Take(last), new ListExpr([.. call.Arguments.Skip(last)], call.Arguments[last].Column)] };
        }

        if (call.Arguments.Count > names.Length)
        {
            throw new ExpressionException(
                $"{call.Function} takes at most {names.Length} argument(s) ({string.Join(", ", names)}), got {call.Arguments.Count}",
                call.Arguments[names.Length].Column);
        }

        if (call.Arguments.Count > signature.Positional)
        {
            var name = names[signature.Positional];
            throw new ExpressionException(
                $"{call.Function} takes {signature.Positional} argument(s) by position ({string.Join(", ", names[..signature.Positional])}); give {name} and the rest by name, e.g. {name}=...",
                call.Arguments[signature.Positional].Column);
        }

        for (var i = 0; i < call.Arguments.Count; i++)
        {
            bound[i] = call.Arguments[i];
        }

        foreach (var kw in call.Keywords)
        {
            var i = signature.IndexOf(kw.Name);
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

        for (var i = 0; i < names.Length; i++)
        {
            // Python's None (or none, as the documentation writes a default) leaves an optional argument
            // at its default, as PyTorch's bias=None, stride=None, dim=None.
            if (bound[i] is NameExpr { Name: "None" or "none" } absent)
            {
                bound[i] = i < signature.Required
                    ? throw new ExpressionException($"{call.Function} needs argument '{names[i]}', not None", absent.Column)
                    : null;
            }
        }

        for (var i = 0; i < signature.Required; i++)
        {
            if (bound[i] is null)
            {
                throw new ExpressionException($"{call.Function} needs argument '{names[i]}'", call.Column);
            }
        }
    }
}
