using Grader.Domain.Assignments;
using Grader.Domain.Expressions;

namespace Grader.Domain.Graphs;

/// <summary>
/// The key's graph of a graph question: the assignment's graph nodes the output is computed
/// from, each split into one operation a node. The unnamed operations inside a node <c>N</c> are
/// named <c>N.1</c>, <c>N.2</c>, … innermost first, and the node's last operation keeps the name
/// <c>N</c>. Values the question does not list as inputs are held at their value (<see cref="Held"/>).
/// </summary>
public sealed record KeyGraph(GraphProgram Program, IReadOnlyList<string> Held)
{
    private static readonly HashSet<string> NotOperations = ["grad", "shape", "numel", "params", "output_shape"];

    /// <summary>The key graph of a question, or the reason it cannot be drawn (a node that uses grad, a network query, a cycle).</summary>
    public static (KeyGraph? Graph, string? Error) Build(Assignment assignment, GraphSpec spec)
    {
        var definitions = assignment.GraphByName;
        var valueNames = assignment.Values.Select(v => v.Name).ToHashSet();
        var steps = new List<GraphStep>();
        var leaves = new List<string>();
        var done = new HashSet<string>();
        var visiting = new HashSet<string>();
        string? error = null;

        void Visit(string name)
        {
            if (error is not null || done.Contains(name))
            {
                return;
            }

            if (valueNames.Contains(name))
            {
                done.Add(name);
                leaves.Add(name);
                return;
            }

            if (!definitions.TryGetValue(name, out var node))
            {
                error ??= Builtins.Constant(name) is null ? $"'{name}' is not a value or graph node" : null;
                return;
            }

            if (!visiting.Add(name))
            {
                error = $"the graph has a cycle through {name}";
                return;
            }

            foreach (var used in ExprText.Names(node.Expression))
            {
                Visit(used);
            }

            if (ExprText.Walk(node.Expression).OfType<CallExpr>().FirstOrDefault(c => NotOperations.Contains(c.Function)) is { } call)
            {
                error ??= $"graph node {name} uses {call.Function}, which is not an operation of a computational graph";
            }

            var counter = 0;
            var top = Split(node.Expression, name, steps, ref counter);
            steps.Add(new GraphStep(name, top, GraphText.Of(top), 0, GraphOps.Of(top)));
            visiting.Remove(name);
            done.Add(name);
        }

        Visit(spec.Output);
        if (error is not null)
        {
            return (null, error);
        }

        var inputs = spec.Inputs ?? leaves;
        var held = leaves.Where(l => !inputs.Contains(l)).ToList();
        var program = new GraphProgram([.. inputs], steps, new Dictionary<string, IndexedLeaf>());
        return (new KeyGraph(program, held), null);
    }

    /// <summary>Replaces every operation below the top of <paramref name="e"/> with a node of its own, innermost first.</summary>
    private static Expr Split(Expr e, string owner, List<GraphStep> steps, ref int counter)
    {
        if (GraphOps.IsConstant(e))
        {
            return e;
        }

        var c = counter;
        Expr Inner(Expr x)
        {
            var rewritten = Split(x, owner, steps, ref c);
            if (GraphOps.Top(rewritten) is null)
            {
                return rewritten;
            }

            var name = $"{owner}.{++c}";
            steps.Add(new GraphStep(name, rewritten, GraphText.Of(rewritten), 0, GraphOps.Of(rewritten)));
            return new NameExpr(name, x.Column);
        }

        Expr result = e switch
        {
            BinaryExpr b => b with { Left = Inner(b.Left), Right = Inner(b.Right) },
            UnaryExpr { Operator: '+' } u => Split(u.Operand, owner, steps, ref c),
            UnaryExpr u => u with { Operand = Inner(u.Operand) },
            CallExpr call => call with { Arguments = [.. call.Arguments.Select(Inner)], Keywords = [.. call.Keywords.Select(k => k with { Value = Inner(k.Value) })] },
            ListExpr l => l with { Items = [.. l.Items.Select(Inner)] },
            _ => e,
        };
        counter = c;
        return result;
    }
}
