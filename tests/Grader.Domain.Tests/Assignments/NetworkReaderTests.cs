using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>The convolution family as layers: shapes and parameter counts worked by hand, and refusals.</summary>
public class NetworkReaderTests
{
    private const string Questions = "questions:\n  - id: q\n    answer: 1\n";

    public static TheoryData<string, string, int[][], long[]> Stacks => new()
    {
        // L' = ⌊(100 + 2·2 − 5)/2⌋ + 1 = 50; 8·4·5 weights + 8 biases; pooling by 2 halves L.
        { "[4, 100]", "[conv1d: { filters: 8, kernel: 5, stride: 2, padding: 2 }, relu, maxpool1d: 2, avgpool1d: { size: 3, stride: 1, padding: 1 }]",
            [[8, 50], [8, 50], [8, 25], [8, 25]], [168, 0, 0, 0] },

        // DCGAN's doubling: (7 − 1)·2 − 2·1 + 3 + 1 = 14; 16·8·3·3 weights (C_in, C_out, kH, kW) + 8 biases.
        { "[16, 7, 7]", "[conv_transpose2d: { filters: 8, kernel: 3, stride: 2, padding: 1, output_padding: 1 }]",
            [[8, 14, 14]], [1160] },

        // Per axis, a kernel [3, 2] at stride [2, 1]: (6 − 1)·2 + 3 = 13 and (5 − 1) + 2 = 6; no bias: 2·4·3·2.
        { "[2, 6, 5]", "[conv_transpose2d: { filters: 4, kernel: [3, 2], stride: [2, 1], bias: false }]",
            [[4, 13, 6]], [48] },

        // H' = ⌊(32 + 2 − 3)/2⌋ + 1 = 16, W' = 32 − 5 + 1 = 28; 6·3·3·5 + 6; then windows [2, 1] at stride [2, 1].
        { "[3, 32, 32]", "[conv2d: { filters: 6, kernel: [3, 5], stride: [2, 1], padding: [1, 0] }, maxpool2d: { size: [2, 1], stride: [2, 1] }, avgpool2d: { size: 2, padding: [1, 0] }]",
            [[6, 16, 28], [6, 8, 28], [6, 5, 14]], [276, 0, 0] },

        // Depthwise 3×3 (groups = C = 32): 32·1·9 + 32; then pointwise 1×1 to 64: 64·32 + 64.
        // Dilation 2 spans 5 cells: (16 + 2·2 − 5) + 1 = 16.
        { "[32, 16, 16]", "[conv2d: { filters: 32, kernel: 3, padding: 2, dilation: 2, groups: 32 }, conv2d: { filters: 64, kernel: 1 }]",
            [[32, 16, 16], [64, 16, 16]], [320, 2112] },
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Shapes_and_parameters_by_hand(string input, string layers, int[][] shapes, long[] parameters)
    {
        var result = AssignmentLoader.Load($"id: t\nnetworks:\n  n:\n    input: {input}\n    layers: {layers}\n{Questions}", "a.yaml");
        Assert.True(result.Assignment is not null, string.Join("\n", result.Diagnostics));
        var network = result.Assignment!.Networks["n"];
        for (var i = 0; i < shapes.Length; i++)
        {
            Assert.Equal(shapes[i], network.ShapeAfter(i + 1));
            Assert.Equal(parameters[i], network.ParametersOf(i + 1));
        }
    }

    [Theory]
    [InlineData("[1, 4, 4]", "[conv_transpose2d: { filters: 1, kernel: 2, stride: 2, output_padding: 2 }]", "output_padding must be smaller than the stride")]
    [InlineData("[1, 4, 4]", "[conv2d: { filters: 1, kernel: 2, stride: [1, 2, 3] }]", "stride is a whole number or a list [h, w] of two")]
    [InlineData("[1, 4, 4]", "[conv1d: { filters: 1, kernel: 2 }]", "conv1d needs a (C, L) input")]
    [InlineData("[1, 4]", "[maxpool1d: { size: 2, padding: 2 }]", "padding 2 must be at most half the window size 2")]
    [InlineData("[3, 4, 4]", "[conv2d: { filters: 4, kernel: 1, groups: 2 }]", "groups 2 must divide both the input channels 3 and the filters 4")]
    [InlineData("[1, 4, 4]", "[conv_transpos2d: { filters: 1, kernel: 2 }]", "did you mean 'conv_transpose2d'")]

    // A misspelt required key is named with its did-you-mean beside the "needs" message.
    [InlineData("[1, 8, 8]", "[conv2d: { filters: 4, kernal: 3 }]", "unknown key 'kernal' in conv2d (did you mean 'kernel'?)")]
    [InlineData("[1, 8]", "[conv1d: { filter: 4, kernel: 3 }]", "unknown key 'filter' in conv1d (did you mean 'filters'?)")]
    [InlineData("[1, 8, 8]", "[maxpool2d: { sise: 2 }]", "did you mean 'size'?")]
    [InlineData("[5]", "[embedding: { num: 10, dims: 3 }]", "did you mean 'dim'?")]
    public void Bad_layers_are_reported(string input, string layers, string message)
    {
        var result = AssignmentLoader.Load($"id: t\nnetworks:\n  n:\n    input: {input}\n    layers: {layers}\n{Questions}", "a.yaml");
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal));
    }
}
