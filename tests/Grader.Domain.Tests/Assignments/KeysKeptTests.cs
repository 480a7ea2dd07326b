using System.Text.Json;
using Grader.Domain.Assignments;
using Grader.Reference;

namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// Every existing assignment keeps its keys' values and shapes across the tensor-language changes
/// (broadcasting by NumPy's rule, the function registry, differentiable backward passes): the keys
/// of commit 7e06cd3 are kept in KeysBefore/ and compared with today's.
/// </summary>
public class KeysKeptTests
{
    public static TheoryData<string> Files =>
        [.. Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)).Order()];

    private static string Folder => Path.Combine(Repo.Root, "tests", "Grader.Domain.Tests", "Assignments", "KeysBefore");

    [Theory]
    [MemberData(nameof(Files))]
    public void The_key_is_what_it_was(string file)
    {
        using var before = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var name = before.RootElement.GetProperty("assignment").GetString()!;
        var student = before.RootElement.GetProperty("student").GetString();
        var key = Keys.Of(name, student);
        foreach (var answer in before.RootElement.GetProperty("answers").EnumerateObject())
        {
            var now = key.AnswerTo(answer.Name);
            Assert.True(now is not null, $"{file}: question {answer.Name} has no key now");
            var (shape, data) = Read(answer.Value);
            Assert.True(shape.SequenceEqual(now!.Shape), $"{file} {answer.Name}: shape {Tensor.FormatShape(shape)} before, {now.ShapeText} now");
            for (var i = 0; i < data.Count; i++)
            {
                Assert.True(
                    Math.Abs(data[i] - now.Data[i]) <= 1e-12 * Math.Max(1, Math.Abs(data[i])),
                    $"{file} {answer.Name}[{i}]: {data[i]:R} before, {now.Data[i]:R} now");
            }
        }
    }

    private static (int[] Shape, List<double> Data) Read(JsonElement e)
    {
        var data = new List<double>();
        var shape = new List<int>();
        var level = e;
        while (level.ValueKind == JsonValueKind.Array)
        {
            shape.Add(level.GetArrayLength());
            level = level.GetArrayLength() > 0 ? level[0] : default;
        }

        void Flatten(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in x.EnumerateArray())
                {
                    Flatten(item);
                }
            }
            else
            {
                data.Add(x.GetDouble());
            }
        }

        Flatten(e);
        return ([.. shape], data);
    }
}
