using Grader.Domain.Assignments;
using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Graphs;

/// <summary>Hostile graph answers in whole answer files: each gets a clear refusal as the question's invalid status, never an exception.</summary>
public class GraphHostileTests
{
    private static QuestionResult GradeDrawForward(string answer)
    {
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment("sin-network")).Assignment!;
        var read = AnswerFileReader.Read($"assignment: sin-network\nstudent: s\nanswers:\n  draw-forward:\n{answer}", "hostile.yaml");
        Assert.True(read.File is not null, string.Join("\n", read.Diagnostics));
        return AnswerGrader.Grade(assignment, read.File!).Questions.Single(q => q.Id == "draw-forward");
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "10,000 lines", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"    - n{i} = x + 1\n")), "the graph has 10000 nodes; the limit is 200" },
        { "a chain of 201 nodes", "    - n0 = w @ x\n" + string.Concat(Enumerable.Range(1, 200).Select(i => $"    - n{i} = n{i - 1} + 0\n")), "the graph has 201 nodes; the limit is 200" },
        { "a name of 1 MB", $"    - {new string('a', 1_000_000)} = w @ x\n", "line 1: a name is 1000000 characters long; the limit is 64" },
        { "a line nested 100 deep", $"    - \"s = {new string('(', 100)}w{new string(')', 100)} @ x\"\n", "nested deeper than 48 levels" },
        { "an index of a million", "    - p = w[999999] * x[0]\n", "w[999999] is outside w" },
        { "a text of 10,000 lines", $"    \"{string.Concat(Enumerable.Range(0, 10_000).Select(i => $"n{i} = x + 1\\n"))}\"\n", "the graph has 10000 nodes; the limit is 200" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_clearly(string name, string answer, string message)
    {
        var r = GradeDrawForward(answer);
        Assert.Equal(QuestionStatus.Invalid, r.Status);
        Assert.True(r.Feedback.Contains(message), $"{name}: {r.Feedback}");
        Assert.True(r.Feedback.Length < 300, $"{name}: the feedback echoes the input ({r.Feedback.Length} characters)");
    }
}
