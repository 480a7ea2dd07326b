using System.Globalization;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;

namespace Grader.Worker.Tests.Service;

/// <summary>Answer files for a class of students: each student's own key, with some answers perturbed or left out.</summary>
public static class AnswerFiles
{
    public static string For(string assignmentId, string student, int seed)
    {
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment(assignmentId)).Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, student);
        var random = new Random(seed);
        var lines = new List<string> { $"assignment: {assignmentId}", $"student: {student}", "answers:" };
        foreach (var (id, value) in key.Answers)
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                continue;
            }

            var data = value.Data.Select(v => roll switch { 1 => v + 1, 2 => -v, 3 => Math.Round(v, 2), _ => v }).ToArray();
            lines.Add($"  {id}: {Format(new Grader.Reference.Tensor(value.Shape, data))}");
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The score the grade verb gives the same file.</summary>
    public static double ExpectedScore(string text)
    {
        var file = AnswerFileReader.Read(text, "x.yaml").File!;
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment(file.AssignmentId)).Assignment!;
        return AnswerGrader.Grade(assignment, file).Score;
    }

    private static string Format(Grader.Reference.Tensor t) =>
        t.Rank == 0 ? t.Data[0].ToString("R", CultureInfo.InvariantCulture) : Nested(t, 0, 0).Text;

    private static (string Text, int Next) Nested(Grader.Reference.Tensor t, int axis, int offset)
    {
        if (axis == t.Rank)
        {
            return (t.Data[offset].ToString("R", CultureInfo.InvariantCulture), offset + 1);
        }

        var parts = new List<string>();
        for (var i = 0; i < t.Shape[axis]; i++)
        {
            (var s, offset) = Nested(t, axis + 1, offset);
            parts.Add(s);
        }

        return ("[" + string.Join(", ", parts) + "]", offset);
    }
}
