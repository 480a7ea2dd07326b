using System.Globalization;
using System.Text;
using System.Text.Json;
using Grader.Domain.Tests.Assignments;
using Grader.Reference;

namespace Grader.Domain.Tests.Expressions;

/// <summary>
/// Keys agree with PyTorch float64: each case of PyTorchCases.json (written by
/// tests/pytorch/oracle.py, run by hand with Debian's python3-torch) is keyed through an
/// assignment: the expression's value, the gradient of Σ w·y with respect to each input, and for
/// some inputs the second gradient ∂/∂x Σ v·∂(Σ w·y)/∂x.
/// </summary>
public class PyTorchOracleTests
{
    private static readonly JsonElement Cases = LoadCases();

    public static TheoryData<string> Names => [.. Cases.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_key_agrees_with_PyTorch(string name)
    {
        var c = Cases.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var yaml = new StringBuilder("values:\n");
        foreach (var v in c.GetProperty("values").EnumerateObject())
        {
            yaml.Append($"  {v.Name}: {v.Value.GetRawText().ReplaceLineEndings(" ")}\n");
        }

        yaml.Append($"  w__: {c.GetProperty("w").GetRawText().ReplaceLineEndings(" ")}\n");
        yaml.Append($"graph:\n  y__: '{c.GetProperty("expression").GetString()}'\n  L__: sum(y__ * w__)\nquestions:\n  - {{ id: value, answer: y__ }}\n");
        foreach (var g in c.GetProperty("grads").EnumerateObject())
        {
            yaml.Append($"  - {{ id: grad-{g.Name}, answer: 'grad(L__, {g.Name})' }}\n");
        }

        foreach (var s in c.GetProperty("second").EnumerateObject())
        {
            var shape = ShapeOf(c.GetProperty("values").GetProperty(s.Name));
            var v = Enumerable.Range(0, shape.Aggregate(1, (n, d) => n * d)).Select(i => ((i % 3) + 1) / 2.0).ToArray();
            yaml.Append($"  - {{ id: v-{s.Name}, answer: 'reshape({Literal(v)}, {Literal([.. shape.Select(d => (double)d)])})' }}\n");
            foreach (var wrt in s.Value.EnumerateObject())
            {
                yaml.Append($"  - {{ id: second-{s.Name}-{wrt.Name}, answer: 'grad(sum(grad(L__, {s.Name}) * reshape({Literal(v)}, {Literal([.. shape.Select(d => (double)d)])})), {wrt.Name})' }}\n");
            }
        }

        var key = Keys.OfText(yaml.ToString());
        Compare(name, "value", c.GetProperty("value"), key.AnswerTo("value")!);
        foreach (var g in c.GetProperty("grads").EnumerateObject())
        {
            Compare(name, $"grad {g.Name}", g.Value, key.AnswerTo($"grad-{g.Name}")!);
        }

        foreach (var s in c.GetProperty("second").EnumerateObject())
        {
            foreach (var wrt in s.Value.EnumerateObject())
            {
                Compare(name, $"second {s.Name} {wrt.Name}", wrt.Value, key.AnswerTo($"second-{s.Name}-{wrt.Name}")!);
            }
        }
    }

    private static void Compare(string name, string what, JsonElement expected, Tensor actual)
    {
        var shape = ShapeOf(expected);
        Assert.True(shape.SequenceEqual(actual.Shape), $"{name} {what}: PyTorch's shape {Tensor.FormatShape(shape)}, the key's {actual.ShapeText}");
        var data = Flatten(expected).ToArray();
        for (var i = 0; i < data.Length; i++)
        {
            Assert.True(
                Math.Abs(data[i] - actual.Data[i]) <= 1e-9 * Math.Max(1, Math.Abs(data[i])),
                $"{name} {what}[{i}]: PyTorch {data[i]:R}, the key {actual.Data[i]:R}");
        }
    }

    private static string Literal(double[] values) => "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static int[] ShapeOf(JsonElement e)
    {
        var shape = new List<int>();
        for (var level = e; level.ValueKind == JsonValueKind.Array; level = level.GetArrayLength() > 0 ? level[0] : default)
        {
            shape.Add(level.GetArrayLength());
        }

        return [.. shape];
    }

    private static IEnumerable<double> Flatten(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().SelectMany(Flatten) : [e.GetDouble()];

    private static JsonElement LoadCases()
    {
        var path = Path.Combine(Repo.Root, "tests", "Grader.Domain.Tests", "Expressions", "PyTorchCases.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cases").Clone();
    }
}
