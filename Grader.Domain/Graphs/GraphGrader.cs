using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;

namespace Grader.Domain.Graphs;

/// <summary>
/// Grades a graph question (see docs/assignments.md, "Graph questions"): the function the graph
/// computes, judged by value at the given values and at <see cref="Draws"/> seeded random draws
/// of the inputs; its structure (one operation a node); each node's value and gradient
/// annotation against the student's own graph (credit carried forward); and feedback per line.
/// </summary>
public static class GraphGrader
{
    /// <summary>How many random draws of the inputs the function is compared at, besides the given values.</summary>
    public const int Draws = 8;

    /// <summary>How many tries a draw gets to find inputs where the key is finite.</summary>
    public const int TriesPerDraw = 100;

    /// <summary>Grades a student's answer to a graph question against the key of their variant.</summary>
    public static QuestionResult Grade(AnswerKey key, Question q, GivenAnswer? given)
    {
        var a = key.Assignment;
        var spec = q.Graph!;
        var points = q.Points(a.Defaults);
        var expected = key.AnswerTo(q.Id);
        var zero = new GraphParts(0, spec.Weights.Function * points, 0, spec.Weights.Structure * points, 0, spec.Weights.Annotations * points);
        QuestionResult Result(QuestionStatus status, string feedback, GraphVerdict? verdict = null, string? withoutKey = null) =>
            new(q.Id, q.Text, status, verdict is null ? 0 : Total(verdict.Parts), points, expected, null, feedback, [], withoutKey ?? feedback)
            {
                Graph = verdict ?? new GraphVerdict(given?.Graph?.Lines.Select(l => l.Text).ToList() ?? [], null, zero, []),
            };

        var (keyGraph, keyError) = KeyGraph.Build(a, spec);
        if (expected is null || keyGraph is null)
        {
            var over = EvaluationBudget.Current?.Exceeded;
            return Result(QuestionStatus.Invalid, over is null ? $"the key of this question could not be computed{(keyError is null ? "" : $" ({keyError})")}; tell your instructor" : $"not graded: {over}");
        }

        var expectedLines = keyGraph.Program.Steps.Select(s => s.Display).ToList();
        if (given is null || given.IsEmpty)
        {
            return Result(QuestionStatus.Missing, "no answer given") with { Graph = new GraphVerdict([], expectedLines, zero, []) };
        }

        if (given.Graph is null)
        {
            return Result(QuestionStatus.Invalid, "this question asks for a graph: one node a line, such as q = x + y");
        }

        var compiled = GraphCompiler.Compile(given.Graph, keyGraph.Program.Inputs, [.. a.Values.Select(v => v.Name)]);
        var givenLines = given.Graph.Lines.Select(l => l.Text).ToList();
        if (compiled.Program is null)
        {
            return Result(QuestionStatus.Invalid, compiled.Error!) with { Graph = new GraphVerdict(givenLines, expectedLines, zero, []) };
        }

        try
        {
            return new GraphGrading(key, q, keyGraph, compiled, points, expected).Run(givenLines, expectedLines);
        }
        catch (GraphEvaluationException ex)
        {
            var line = ex.Step.Line > 0 ? $"line {ex.Step.Line} ({ex.Step.Display})" : $"the key's node {ex.Step.Name}";
            return Result(QuestionStatus.Invalid, $"{line}: {ex.Message}") with { Graph = new GraphVerdict(givenLines, expectedLines, zero, []) };
        }
    }

    private static double Total(GraphParts p) => p.Function + p.Structure + p.Annotations;
}
