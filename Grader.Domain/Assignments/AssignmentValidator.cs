using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>
/// Checks an assignment the way the grader will use it: loads it, then evaluates every graph
/// node and question for the default variant and, when values are random, for sample students,
/// so that shape mismatches, unknown names, cycles and NaN are found before students are.
/// </summary>
public static class AssignmentValidator
{
    /// <summary>How many sample students a random assignment is evaluated for.</summary>
    public const int SampleStudents = 8;

    /// <summary>Every problem of a loaded assignment's evaluation, as diagnostics.</summary>
    public static IReadOnlyList<Diagnostic> Evaluate(Assignment assignment)
    {
        var problems = new List<Diagnostic>();
        var seen = new HashSet<string>();
        var students = new List<string?> { null };
        if (assignment.HasRandomValues)
        {
            students.AddRange(Enumerable.Range(1, SampleStudents).Select(i => $"sample-{i}"));
        }

        foreach (var student in students)
        {
            var key = AnswerKeyBuilder.Build(assignment, student);
            foreach (var f in key.Failures)
            {
                var message = student is null ? f.Message : $"{f.Message} (for student '{student}')";
                if (seen.Add(f.Owner))
                {
                    problems.Add(new Diagnostic(assignment.File, f.Position.Line, f.Position.Column, message));
                }
            }

            if (student is null)
            {
                problems.AddRange(Graphs.GraphQuestionCheck.Problems(key));
            }
        }

        return problems;
    }

    /// <summary>Loads and checks one file.</summary>
    public static (Assignment? Assignment, IReadOnlyList<Diagnostic> Diagnostics) ValidateFile(string path) =>
        Check(AssignmentLoader.LoadFile(path));

    /// <summary>Loads and checks an assignment's text; <paramref name="file"/> names it in messages.</summary>
    public static (Assignment? Assignment, IReadOnlyList<Diagnostic> Diagnostics) Validate(string text, string file) =>
        Check(AssignmentLoader.Load(text, file));

    private static (Assignment? Assignment, IReadOnlyList<Diagnostic> Diagnostics) Check(AssignmentLoadResult loaded)
    {
        if (loaded.Assignment is null)
        {
            // Report the expressions' problems in the same run as the file's: a misspelt key
            // does not hide an unknown function or a shape error until it is fixed.
            return (null, loaded.Partial is { } partial ? [.. Merge(loaded.Diagnostics, PartialProblems(partial))] : loaded.Diagnostics);
        }

        var problems = Evaluate(loaded.Assignment);
        return (problems.Count == 0 ? loaded.Assignment : null, problems);
    }

    /// <summary>The evaluation problems of what could be read of a file with other problems.</summary>
    private static IReadOnlyList<Diagnostic> PartialProblems(Assignment partial)
    {
        try
        {
            return Evaluate(partial);
        }
        catch (Exception ex) when (ex is ExpressionException or ShapeException or InvalidOperationException or ArgumentException)
        {
            return [];
        }
    }

    private static IEnumerable<Diagnostic> Merge(IReadOnlyList<Diagnostic> read, IReadOnlyList<Diagnostic> evaluated) =>
        read.Concat(evaluated.Where(e => !read.Any(r => r.Line == e.Line && r.Column == e.Column)))
            .OrderBy(d => d.Line).ThenBy(d => d.Column);
}
