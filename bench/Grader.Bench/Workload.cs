using Grader.Domain.Assignments;
using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Bench;

/// <summary>The assignments of the repository and answer files for a class of students, some answers wrong.</summary>
public sealed class Workload
{
    private Workload(IReadOnlyList<Assignment> assignments) => Assignments = assignments;

    /// <summary>The valid assignments.</summary>
    public IReadOnlyList<Assignment> Assignments { get; }

    /// <summary>Loads every valid assignment in a folder.</summary>
    public static Workload Load(string folder) =>
        new([.. Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => AssignmentLoader.LoadFile(f).Assignment).OfType<Assignment>()]);

    /// <summary>The answer file of student <paramref name="i"/>: their own key, one answer in ten off, one in ten left out.</summary>
    public string AnswerFile(int i)
    {
        var assignment = Assignments[i % Assignments.Count];
        var student = $"student-{i}";
        var key = AnswerKeyBuilder.Build(assignment, student);
        var random = new Random(i);
        var answers = key.Answers
            .Select(a => (a.Key, Roll: random.Next(10), a.Value))
            .Where(a => a.Roll != 0)
            .Select(a => new KeyValuePair<string, Tensor>(a.Key, a.Roll == 1 ? a.Value.Map(v => v + 1) : a.Value));
        return AnswerFileYaml.Write(assignment.Id, student, answers);
    }
}
