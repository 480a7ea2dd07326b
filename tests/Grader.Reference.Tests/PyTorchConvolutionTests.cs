using System.Text.Json;

namespace Grader.Reference.Tests;

/// <summary>
/// The convolution family against PyTorch 1.13 float64 (values written by
/// <c>tests/pytorch/conv_family.py</c> into <c>Data/pytorch-conv-family.json</c>): the output, the
/// first gradients of L1 = Σ w·y and the second gradients of L2 = Σᵢ Σ vᵢ·∂L1/∂xᵢ, each case the
/// same call as the script's.
/// </summary>
public class PyTorchConvolutionTests
{
    private const double Tolerance = 1e-12;

    private static readonly Dictionary<string, Func<Node[], Node>> Calls = new()
    {
        ["conv2d-unbatched"] = n => Ops.Conv2d(n[0], n[1]),
        ["conv2d-batched-bias-stride-padding"] = n => Ops.Conv2d(n[0], n[1], n[2], new ConvOptions(new Size2(2, 1), new Size2(1, 2))),
        ["conv2d-dilation-groups"] = n => Ops.Conv2d(n[0], n[1], n[2], new ConvOptions(1, 1, new Size2(2, 1), 2)),
        ["conv2d-depthwise"] = n => Ops.Conv2d(n[0], n[1], null, new ConvOptions(2, 1, 1, 3)),
        ["conv2d-same-even-span"] = n => Ops.Conv2d(n[0], n[1], n[2], new ConvOptions(1, 0, new Size2(1, 2)) { Same = true }),
        ["conv1d-same"] = n => Ops.Conv1d(n[0], n[1], dilation: 3, same: true),
        ["conv1d-valid"] = n => Ops.Conv1d(n[0], n[1]),
        ["conv1d"] = n => Ops.Conv1d(n[0], n[1], n[2], stride: 2, padding: 1, dilation: 2, groups: 2),
        ["conv1d-unbatched"] = n => Ops.Conv1d(n[0], n[1]),
        ["conv_transpose2d"] = n => Ops.ConvTranspose2d(n[0], n[1], n[2], new ConvOptions(2, 1), 1),
        ["conv_transpose2d-groups-dilation"] = n => Ops.ConvTranspose2d(n[0], n[1], null, new ConvOptions(new Size2(1, 2), new Size2(0, 1), new Size2(2, 1), 2), new Size2(1, 0)),
        ["conv_transpose2d-unbatched"] = n => Ops.ConvTranspose2d(n[0], n[1], null, new ConvOptions(3, 0), 0),
        ["maxpool2d-batched"] = n => Ops.MaxPool2d(n[0], new Size2(2, 3), new Size2(2, 1), new Size2(1, 1)),
        ["avgpool2d-batched"] = n => Ops.AvgPool2d(n[0], 3, 2, 1),
        ["maxpool1d"] = n => Ops.MaxPool1d(n[0], 3, 2, 1),
        ["avgpool1d"] = n => Ops.AvgPool1d(n[0], 2),
        ["upsample"] = n => Ops.Upsample(n[0], new Size2(2, 3)),
    };

    private static readonly Lazy<JsonElement> Data = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "pytorch-conv-family.json"))).RootElement.GetProperty("cases"));

    public static TheoryData<string> Cases => [.. Calls.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_and_first_and_second_gradients_agree_with_PyTorch(string name)
    {
        var c = Data.Value.GetProperty(name);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(Read).ToArray();
        var v = c.GetProperty("v").EnumerateArray().Select(Read).ToArray();
        var leaves = inputs.Select(Node.Leaf).ToArray();
        var y = Calls[name](leaves);
        Same(Read(c.GetProperty("output")), y.Value, "output");

        var l1 = Ops.Sum(Ops.Mul(y, Node.Constant(Read(c.GetProperty("w")))));
        var first = leaves.Select(x => Ops.Grad(l1, x)).ToArray();
        var expectedFirst = c.GetProperty("grads").EnumerateArray().Select(Read).ToArray();
        for (var i = 0; i < leaves.Length; i++)
        {
            Same(expectedFirst[i], first[i].Value, $"gradient {i}");
        }

        var l2 = Ops.Constant(0);
        for (var i = 0; i < leaves.Length; i++)
        {
            l2 = Ops.Add(l2, Ops.Sum(Ops.Mul(first[i], Node.Constant(v[i]))));
        }

        var second = l2.RequiresGrad ? l2.Gradients() : new Dictionary<Node, Tensor>();
        var expectedSecond = c.GetProperty("second").EnumerateArray().Select(Read).ToArray();
        for (var i = 0; i < leaves.Length; i++)
        {
            Same(expectedSecond[i], second.TryGetValue(leaves[i], out var g) ? g : Tensor.Zeros(inputs[i].Shape), $"second gradient {i}");
        }
    }

    [Fact]
    public void Every_case_of_the_data_is_checked() =>
        Assert.Equal(Data.Value.EnumerateObject().Select(p => p.Name).Order(), Calls.Keys.Order());

    private static Tensor Read(JsonElement e) =>
        new([.. e.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())], [.. e.GetProperty("data").EnumerateArray().Select(d => d.GetDouble())]);

    private static void Same(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= Tolerance * Math.Max(1, Math.Abs(expected.Data[i])),
                $"{what}, element {i}: PyTorch {expected.Data[i]:R}, here {actual.Data[i]:R}");
        }
    }
}
