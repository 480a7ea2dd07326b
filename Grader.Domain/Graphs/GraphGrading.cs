using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Domain.Students;
using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// One grading of a compiled graph answer (<see cref="GraphGrader"/>): both graphs evaluated at the
/// given values and the draws, then the function, structure, annotations and each line judged.
/// </summary>
internal sealed class GraphGrading(AnswerKey key, Question q, KeyGraph keyGraph, GraphCompilation compiled, double points, Tensor expected)
{
    private static readonly HashSet<string> LabelArguments = ["cross_entropy", "hinge"];

    private readonly GraphSpec spec = q.Graph!;
    private readonly Tolerance tolerance = q.Tolerance(key.Assignment.Defaults);
    private readonly GraphProgram student = compiled.Program!;
    private readonly Dictionary<string, string> notes = [];

    public QuestionResult Run(List<string> givenLines, List<string> expectedLines)
    {
        var values = key.ValueMap;
        var at = keyGraph.Program.Inputs.Concat(keyGraph.Held).ToDictionary(n => n, n => values[n]);
        var mine = GraphEvaluation.Run(student, at, spec.AnnotateGrad);
        var theirs = GraphEvaluation.Run(keyGraph.Program, at, false);
        var pairs = new List<(GraphEvaluation Mine, GraphEvaluation Key)> { (mine, theirs) };
        var sameFunction = Comparison.Of(mine.Output, theirs.Output, tolerance).AllRight;
        string? failsElsewhere = null;
        foreach (var draw in DrawInputs(at))
        {
            try
            {
                var m = GraphEvaluation.Run(student, draw.Inputs, false);
                pairs.Add((m, draw.Key));
                sameFunction &= Comparison.Of(m.Output, draw.Key.Output, tolerance).AllRight;
            }
            catch (GraphEvaluationException ex)
            {
                sameFunction = false;
                failsElsewhere ??= $"line {ex.Step.Line} ({ex.Step.Display}) fails at other values of the inputs: {ex.Message}";
            }
        }

        var feedback = new List<string>();
        var withoutKey = new List<string>();
        void Say(string full, string? redacted = null)
        {
            feedback.Add(full);
            withoutKey.Add(redacted ?? full);
        }

        var keyOps = keyGraph.Program.Steps.Sum(s => s.Operations.Count);
        var oneNode = student.Steps.Count == 1 && student.Steps[0].Operations.Count > 1 && keyOps > 1;
        var matched = Match(pairs);
        if (oneNode)
        {
            Say($"the whole function is written in one node: {compiled.Structure[0]}; a formula in one node is not a graph");
        }
        else if (sameFunction)
        {
            Say("the graph computes the key's function");
        }
        else
        {
            var named = FirstWrongStep(matched);
            Say(
                named.Full ?? (Comparison.Of(mine.Output, theirs.Output, tolerance).AllRight
                    ? "the graph agrees with the key at the given values but not at other values of the inputs"
                    : "the graph does not compute the key's function"),
                named.WithoutKey ?? "the graph does not compute the key's function");
            if (failsElsewhere is not null)
            {
                Say(failsElsewhere);
            }
        }

        var used = student.UsedByOutput();
        var keyUsed = keyGraph.Program.UsedByOutput();
        foreach (var input in student.Inputs.Where(i => !used.Contains(i)))
        {
            Say(keyUsed.Contains(input) ? $"missing input: the output does not depend on {input}" : $"input {input} is not used");
        }

        foreach (var s in student.Steps.Where(s => !used.Contains(s.Name)))
        {
            Say($"line {s.Line} ({s.Display}) is not used by the output (the last node, {student.Output})");
            notes[s.Name] = "not used by the output";
        }

        if (!oneNode)
        {
            foreach (var problem in compiled.Structure)
            {
                Say(problem);
            }
        }

        var (annotationScore, nodes) = Annotations(mine, matched, feedback, withoutKey);
        var parts = new GraphParts(
            sameFunction && !oneNode ? spec.Weights.Function * points : 0, spec.Weights.Function * points,
            compiled.Structure.Count == 0 ? spec.Weights.Structure * points : 0, spec.Weights.Structure * points,
            annotationScore, spec.Weights.Annotations * points);
        var total = parts.Function + parts.Structure + parts.Annotations;
        var status = total >= points - 1e-9 ? QuestionStatus.Correct : total > 0 ? QuestionStatus.Partial : QuestionStatus.Incorrect;
        var summary = $" (function {Pts(parts.Function)}/{Pts(parts.FunctionMax)}, structure {Pts(parts.Structure)}/{Pts(parts.StructureMax)}"
            + (spec.Annotated ? $", annotations {Pts(parts.Annotations)}/{Pts(parts.AnnotationsMax)})" : ")");
        var verdict = new GraphVerdict(givenLines, expectedLines, parts, nodes);
        return new QuestionResult(
            q.Id, q.Text, status, total, points, expected, null,
            (status == QuestionStatus.Correct ? "correct: " : "") + string.Join("; ", feedback) + summary,
            [],
            (status == QuestionStatus.Correct ? "correct: " : "") + string.Join("; ", withoutKey) + summary)
        { Graph = verdict };
    }

    private static string Pts(double x) => TensorText.Number(Math.Round(x, 4));

    /// <summary>Draws of the inputs: each element v as v + U(−1, 1)·max(1, |v|), seeded by assignment, student and question; labels keep their values.</summary>
    private IEnumerable<(Dictionary<string, Tensor> Inputs, GraphEvaluation Key)> DrawInputs(Dictionary<string, Tensor> at)
    {
        var labels = keyGraph.Program.Steps.SelectMany(s => ExprText.Walk(s.Expression)).OfType<CallExpr>()
            .Where(c => LabelArguments.Contains(c.Function) && c.Arguments.Count > 1).Select(c => c.Arguments[1]).OfType<NameExpr>()
            .Select(n => n.Name).ToHashSet();
        var student = StudentIds.Key(key.Student);
        for (var d = 0; d < GraphGrader.Draws; d++)
        {
            for (var attempt = 0; attempt < GraphGrader.TriesPerDraw; attempt++)
            {
                var inputs = new Dictionary<string, Tensor>(at);
                foreach (var name in keyGraph.Program.Inputs.Where(i => !labels.Contains(i)))
                {
                    var random = new VariantRandom(key.Assignment.Id, student, $"graph {q.Id} {name}", (d * GraphGrader.TriesPerDraw) + attempt);
                    var v = at[name];
                    inputs[name] = new Tensor(v.Shape, [.. v.Data.Select(x => x + ((2 * random.NextDouble()) - 1) * Math.Max(1, Math.Abs(x)))]);
                }

                GraphEvaluation? run = null;
                try
                {
                    run = GraphEvaluation.Run(keyGraph.Program, inputs, false);
                }
                catch (GraphEvaluationException)
                {
                    // The key is not finite (or not defined) here: draw again.
                }

                if (run is not null)
                {
                    yield return (inputs, run);
                    break;
                }
            }
        }
    }

    /// <summary>Each student node's key node, matched by value at the given values and at every draw.</summary>
    private Dictionary<string, string> Match(List<(GraphEvaluation Mine, GraphEvaluation Key)> pairs)
    {
        var matched = new Dictionary<string, string>();
        var candidates = keyGraph.Program.Steps.Select(s => s.Name).Reverse().Concat(keyGraph.Program.Inputs).ToList();
        foreach (var s in student.Steps)
        {
            var found = candidates.FirstOrDefault(k => pairs.All(p => Comparison.Matches(p.Mine.Values[s.Name], p.Key.Values[k], tolerance)));
            if (found is not null)
            {
                matched[s.Name] = found;
            }
        }

        return matched;
    }

    /// <summary>
    /// The first node that matches no key node while everything it uses does, and what the key does
    /// there. A node that a matched node is computed from is a step of a finer split (<c>p = w[0] * x[0]</c>
    /// on the way to a node matching the key's <c>w @ x</c>), not a wrong step.
    /// </summary>
    private (string? Full, string? WithoutKey) FirstWrongStep(Dictionary<string, string> matched)
    {
        string Of(string name) => matched.TryGetValue(name, out var k) ? k : name;
        bool Known(string name) => student.Inputs.Contains(name) || matched.ContainsKey(name);
        var used = student.UsedByOutput();
        var feedsMatched = new HashSet<string>();
        for (var i = student.Steps.Count - 1; i >= 0; i--)
        {
            if (matched.ContainsKey(student.Steps[i].Name) || feedsMatched.Contains(student.Steps[i].Name))
            {
                feedsMatched.UnionWith(student.Uses(student.Steps[i]));
            }
        }

        foreach (var s in student.Steps.Where(s => used.Contains(s.Name) && !matched.ContainsKey(s.Name) && !feedsMatched.Contains(s.Name)))
        {
            var operands = student.Uses(s).ToList();
            if (!operands.All(Known))
            {
                continue;
            }

            var mapped = operands.Select(Of).ToHashSet();
            var there = keyGraph.Program.Steps.FirstOrDefault(k => keyGraph.Program.Uses(k).ToHashSet().SetEquals(mapped));
            var top = there is null ? null : GraphOps.Top(there.Expression);
            var mineTop = GraphOps.Top(s.Expression);
            var full = there is null || top is null
                ? $"line {s.Line} ({s.Display}) is the first step that matches no node of the key's graph"
                : top == mineTop
                    ? $"line {s.Line} ({s.Display}): the key applies {top} here too, to other operands or in another order ({there.Display})"
                    : $"line {s.Line} ({s.Display}): the key applies {top} here";
            notes[s.Name] = "the first step that does not match the key's graph";
            return (full, $"line {s.Line} ({s.Display}) does not match the key's graph");
        }

        return (null, null);
    }

    /// <summary>Grades each annotation against the student's own graph; returns the points and a verdict per line.</summary>
    private (double Score, List<GraphNodeVerdict> Nodes) Annotations(GraphEvaluation mine, Dictionary<string, string> matched, List<string> feedback, List<string> withoutKey)
    {
        var lines = compiled.NodeLines.ToDictionary(l => l.Name);
        var inputLines = compiled.InputLines.ToDictionary(l => l.Name);
        var count = (spec.AnnotateValue ? student.Steps.Count : 0) + (spec.AnnotateGrad ? student.Steps.Count + student.Inputs.Count : 0);
        var share = count == 0 ? 0 : spec.Weights.Annotations * points / count;
        var score = 0.0;
        var nodes = new List<GraphNodeVerdict>();
        var gradients = mine.Gradients;
        if (spec.AnnotateGrad && gradients is null)
        {
            feedback.Add($"your graph's output has shape {mine.Output.ShapeText}, not a scalar, so its gradients are not defined");
            withoutKey.Add(feedback[^1]);
        }

        string? Judge(Tensor? written, Tensor? truth, string what, string name, int line, bool isGrad)
        {
            if (written is null)
            {
                return "missing";
            }

            if (truth is not null && Comparison.Matches(written, truth, tolerance))
            {
                score += share;
                return "correct";
            }

            var pattern = isGrad ? Pattern(name) : null;
            var where = $"line {line}: the {what} of {name} is wrong";
            withoutKey.Add(where + (pattern is null ? "" : $" ({pattern})"));
            feedback.Add(where + (truth is null ? "" : $": {TensorText.Inline(truth)} from your graph, you wrote {TensorText.Inline(written)}") + (pattern is null ? "" : $" ({pattern})"));
            return "wrong";
        }

        foreach (var s in student.Steps)
        {
            var l = lines[s.Name];
            var value = spec.AnnotateValue ? Judge(l.Value, mine.Values[s.Name], "value", s.Name, l.Line, false) : null;
            var grad = spec.AnnotateGrad ? Judge(l.Grad, gradients?[s.Name], "gradient", s.Name, l.Line, true) : null;
            nodes.Add(new GraphNodeVerdict(l.Line, s.Name, l.Text, false, matched.GetValueOrDefault(s.Name), value, grad, notes.GetValueOrDefault(s.Name)));
        }

        foreach (var input in student.Inputs)
        {
            var l = inputLines.GetValueOrDefault(input);
            var grad = spec.AnnotateGrad ? Judge(l?.Grad, gradients?[input], "gradient", input, l?.Line ?? 0, true) : null;
            if (l is not null || spec.AnnotateGrad)
            {
                nodes.Add(new GraphNodeVerdict(l?.Line ?? 0, input, l?.Text ?? input, true, input, null, grad, null));
            }
        }

        var missing = nodes.Count(n => n.Value == "missing") + nodes.Count(n => n.Grad == "missing");
        if (missing > 0)
        {
            feedback.Add($"{missing} annotation{(missing > 1 ? "s are" : " is")} missing ({string.Join(", ", nodes.Where(n => n.Value == "missing" || n.Grad == "missing").Select(n => n.Name).Take(8))})");
            withoutKey.Add(feedback[^1]);
        }

        return (score, nodes);
    }

    /// <summary>The gradient pattern the material teaches at the node that uses <paramref name="name"/>, when there is one node using it.</summary>
    private string? Pattern(string name)
    {
        var users = student.Steps.Where(s => student.Uses(s).Contains(name)).ToList();
        if (users.Count != 1)
        {
            return users.Count > 1 ? $"{name} is used by {users.Count} nodes: its gradient is the sum of what each passes back" : null;
        }

        var user = users[0];
        return GraphOps.Top(user.Expression) switch
        {
            "+" => $"an add node passes its upstream gradient unchanged to both inputs: {name}'s gradient is {user.Name}'s",
            "-" when user.Expression is BinaryExpr => $"a subtract node passes its upstream gradient to its left input and its negative to its right",
            "*" => $"a mul node swaps its inputs' values: {name}'s gradient is {user.Name}'s gradient times the other input's value",
            "max" or "maximum" => "a max node routes its upstream gradient to one input, the larger, and 0 to the other",
            _ => null,
        };
    }
}
