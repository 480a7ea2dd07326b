using Grader.Domain.Assignments;

namespace Grader.Domain.Graphs;

/// <summary>What <c>validate</c> checks of graph questions once the key is computed: the key's graph can be drawn, and gradient annotations have a scalar output.</summary>
public static class GraphQuestionCheck
{
    /// <summary>The problems of every graph question of a key's assignment, at their line and column.</summary>
    public static IEnumerable<Diagnostic> Problems(AnswerKey key)
    {
        var a = key.Assignment;
        foreach (var q in a.Questions.Where(q => q.Graph is not null))
        {
            var spec = q.Graph!;
            var (_, error) = KeyGraph.Build(a, spec);
            if (error is not null)
            {
                var at = spec.OutputWhere?.At(1) ?? q.Where.At(1);
                yield return new Diagnostic(a.File, at.Line, at.Column, $"question {q.Id}: the key's graph cannot be drawn: {error}");
            }

            if (spec.AnnotateGrad && key.AnswerTo(q.Id) is { IsScalarLike: false } output)
            {
                yield return new Diagnostic(a.File, spec.AnnotateWhere.Line, spec.AnnotateWhere.Column,
                    $"question {q.Id}: grad annotations need a scalar output, but {spec.Output} has shape {output.ShapeText}; annotate [value] only, or ask for the graph of a scalar node");
            }
        }
    }
}
