using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Output;

namespace Grader.Worker.Tests.Service;

/// <summary>Answer files for a class of students: each student's own key, with some answers perturbed or left out.</summary>
public static class AnswerFiles
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Assignment> Assignments = new();

    private static Assignment Load(string id) => Assignments.GetOrAdd(id, a => AssignmentLoader.LoadFile(Repo.Assignment(a)).Assignment!);

    public static string For(string assignmentId, string student, int seed)
    {
        var assignment = Load(assignmentId);
        var key = AnswerKeyBuilder.Build(assignment, student);
        var random = new Random(seed);
        var answers = new List<KeyValuePair<string, Grader.Reference.Tensor>>();
        foreach (var (id, value) in key.Answers)
        {
            var roll = random.Next(10);
            if (roll != 0)
            {
                answers.Add(new(id, value.Map(v => roll switch { 1 => v + 1, 2 => -v, 3 => Math.Round(v, 2), _ => v })));
            }
        }

        return AnswerFileYaml.Write(assignmentId, student, answers);
    }

    /// <summary>The score the grade verb gives the same file.</summary>
    public static double ExpectedScore(string text)
    {
        var file = AnswerFileReader.Read(text, "x.yaml").File!;
        var assignment = Load(file.AssignmentId);
        return AnswerGrader.Grade(assignment, file).Score;
    }
}
