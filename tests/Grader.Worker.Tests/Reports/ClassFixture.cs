using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// A class of four graded tanh-network submissions: two students hand in seed 004's worked
/// solution (9 of 13: grad-W0 and grad-W1 transposed, which scores 0; mlp-params missing),
/// two hand in the exact key (13 of 13), and one student submits twice (only the latest counts).
/// </summary>
public static class ClassFixture
{
    public static readonly string[] Students = ["ada", "bob", "cy", "dee"];

    public static async Task<Dictionary<string, (long Id, string Receipt)>> SubmitAsync(TestService service)
    {
        var seed = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var submitted = new Dictionary<string, (long, string)>();
        async Task Post(string student, string text)
        {
            var (status, body) = await service.PostAsync(text);
            Assert.Equal(202, status);
            submitted[student] = (body.GetProperty("id").GetInt64(), body.GetProperty("receipt").GetString()!);
        }

        await Post("dee", AnswerFiles.For("tanh-network", "dee", 99)); // superseded below
        await Post("ada", seed.Replace("student: seed-004", "student: ada"));
        await Post("bob", seed.Replace("student: seed-004", "student: bob"));
        await Post("cy", Exact("cy"));
        await Task.Delay(20);
        await Post("dee", Exact("dee"));
        await service.WaitForAsync(submitted.Values.Select(v => v.Item1));
        return submitted;
    }

    private static string Exact(string student)
    {
        var assignment = Grader.Domain.Assignments.AssignmentLoader.LoadFile(Repo.Assignment("tanh-network")).Assignment!;
        var key = Grader.Domain.Assignments.AnswerKeyBuilder.Build(assignment, student);
        return Grader.Domain.Output.AnswerFileYaml.Write("tanh-network", student, key.Answers);
    }
}
