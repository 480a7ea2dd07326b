using System.Text.Json;
using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Expressions;

/// <summary>
/// Indexing and the tensor-building functions keyed through an assignment agree with PyTorch
/// float64: tests/pytorch/indexing.json holds each answer's value computed by PyTorch from the
/// same values (by tests/pytorch/indexing.py, run by hand), so the tests need no PyTorch.
/// </summary>
public class PyTorchIndexingTests
{
    private static readonly Lazy<JsonElement> Data = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "pytorch", "indexing.json"))).RootElement);

    private static readonly Lazy<AnswerKey> Key = new(() =>
    {
        var values = string.Concat(Data.Value.GetProperty("values").EnumerateObject().Select(v => $"  {v.Name}: {v.Value.GetRawText()}\n"));
        var questions = string.Concat(Data.Value.GetProperty("cases").EnumerateArray().Select((c, i) => $"  - id: q{i}\n    answer: '{c.GetProperty("answer").GetString()}'\n"));
        var loaded = AssignmentLoader.Load($"id: pytorch-indexing\ntitle: t\nvalues:\n{values}questions:\n{questions}", "pytorch-indexing.yaml");
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        var key = AnswerKeyBuilder.Build(loaded.Assignment!, null);
        Assert.True(key.IsComplete, string.Join("\n", key.Failures));
        return key;
    });

    public static TheoryData<int, string> Cases
    {
        get
        {
            var cases = new TheoryData<int, string>();
            var i = 0;
            foreach (var c in Data.Value.GetProperty("cases").EnumerateArray())
            {
                cases.Add(i++, c.GetProperty("name").GetString()!);
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_key_is_PyTorch_s_value(int index, string name)
    {
        var expected = Data.Value.GetProperty("cases")[index];
        var actual = Key.Value.AnswerTo($"q{index}")!;
        Assert.Equal(expected.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()), actual.Shape);
        var data = expected.GetProperty("data").EnumerateArray().Select(d => d.GetDouble()).ToArray();
        Assert.Equal(data.Length, actual.Count);
        for (var k = 0; k < data.Length; k++)
        {
            Assert.True(Math.Abs(data[k] - actual.Data[k]) <= 1e-12 * Math.Max(1, Math.Abs(data[k])),
                $"{name} ({expected.GetProperty("answer").GetString()}): element {k} keyed {actual.Data[k]:R}, PyTorch {data[k]:R}");
        }
    }
}
