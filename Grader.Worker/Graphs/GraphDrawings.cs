using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Graphs;

namespace Grader.Worker.Graphs;

/// <summary>The drawings the pages show: a student's graph (as typed, or as graded with wrong lines marked) and the key's annotated graph.</summary>
public static class GraphDrawings
{
    /// <summary>The SVG of a graph typed as text, or the reason it cannot be drawn (over the limits, no nodes).</summary>
    public static (string? Svg, string? Error) OfText(string text)
    {
        var answer = GraphAnswerReader.Read(text);
        return GraphPictures.OfAnswer(answer) is { } picture ? (GraphSvg.Write(picture), null) : (null, answer.Error);
    }

    /// <summary>The SVG of a graded answer's graph, its wrong lines marked; null when there is none to draw.</summary>
    public static string? OfResult(QuestionResult q) =>
        q.Graph is { Given.Count: > 0 } graph && GraphPictures.OfAnswer(GraphAnswerReader.Read(string.Join("\n", graph.Given)), GraphPictures.Wrong(graph)) is { } picture
            ? GraphSvg.Write(picture)
            : null;

    /// <summary>The key's graph of a graph question in a student's variant, annotated as the question asks (values at least); null when it cannot be drawn.</summary>
    public static string? OfKey(Assignment assignment, string? student, string questionId) =>
        assignment.FindQuestion(questionId) is { Graph: not null }
        && GraphPictures.OfKey(AnswerKeyBuilder.Build(assignment, student), questionId, annotate: true).Picture is { } picture
            ? GraphSvg.Write(picture)
            : null;
}
