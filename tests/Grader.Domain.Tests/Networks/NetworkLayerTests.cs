using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Networks;

/// <summary>
/// The normalisation, dropout and embedding layers in a layer stack: parameters and output shapes
/// counted by hand as PyTorch's <c>sum(p.numel() for p in net.parameters())</c> counts them.
/// </summary>
public class NetworkLayerTests
{
    private const string Cnn = """
        networks:
          net:
            input: [3, 32, 32]
            layers:
              - conv2d: { filters: 16, kernel: 3, padding: 1 }
              - batchnorm
              - relu
              - dropout: { p: 0.5 }
              - flatten
              - dense: 10
              - layernorm
        """;

    private const string Embed = """
        networks:
          net:
            input: [5]
            layers:
              - embedding: { num: 100, dim: 8 }
              - flatten
              - dense: 2
        """;

    [Theory]
    [InlineData(Cnn, "params(net)", new[] { 164350.0 })]       // conv 16·3·9 + 16 = 448; batchnorm 2·16; dense 16·32·32·10 + 10; layernorm 2·10
    [InlineData(Cnn, "params(net, 2)", new[] { 32.0 })]        // γ and β per channel; the running mean and variance are not parameters
    [InlineData(Cnn, "params(net, 4)", new[] { 0.0 })]         // dropout learns nothing
    [InlineData(Cnn, "output_shape(net, 4)", new[] { 16.0, 32, 32 })]
    [InlineData(Cnn, "output_shape(net)", new[] { 10.0 })]
    [InlineData(Embed, "params(net)", new[] { 882.0 })]        // 100·8 + 5·8·2 + 2
    [InlineData(Embed, "output_shape(net, 1)", new[] { 5.0, 8 })]
    public void Layers_count_their_parameters_and_shapes(string network, string answer, double[] expected)
    {
        var key = Keys.OfText($"{network}\nquestions:\n  - {{ id: q, answer: \"{answer}\" }}\n");
        Assert.Equal(expected, key.AnswerTo("q")!.Data);
    }

    /// <summary>
    /// PyTorch's padding='same' and 'valid' on Conv2d and Conv1d (nn.Conv2d(1, 2, (2, 4), padding='same',
    /// dilation=(1, 2)) keeps 5 × 6; nn.Conv1d(3, 4, 4, padding='same') keeps 8; 'valid' pads nothing).
    /// </summary>
    [Theory]
    [InlineData("[1, 5, 6]", "conv2d: { filters: 2, kernel: [2, 4], padding: same, dilation: [1, 2] }", new[] { 2.0, 5, 6 }, 18)]
    [InlineData("[3, 8, 8]", "conv2d: { filters: 4, kernel: 3, stride: 2, padding: valid }", new[] { 4.0, 3, 3 }, 112)]
    [InlineData("[3, 8]", "conv1d: { filters: 4, kernel: 4, padding: same }", new[] { 4.0, 8 }, 52)]
    [InlineData("[3, 8]", "conv1d: { filters: 4, kernel: 3, padding: valid, bias: false }", new[] { 4.0, 6 }, 36)]
    public void A_convolution_layer_takes_PyTorchs_padding_words(string input, string layer, double[] shape, double parameters)
    {
        var key = Keys.OfText($"networks:\n  net:\n    input: {input}\n    layers:\n      - {layer}\nquestions:\n  - {{ id: s, answer: \"output_shape(net)\" }}\n  - {{ id: p, answer: \"params(net)\" }}\n");
        Assert.Equal(shape, key.AnswerTo("s")!.Data);
        Assert.Equal(parameters, key.AnswerTo("p")!.Data[0]);
    }

    /// <summary>Every element-wise activation of the language is a layer, as torch.nn has one for each (nn.LogSigmoid too).</summary>
    [Theory]
    [InlineData("log_sigmoid")]
    [InlineData("hardtanh")]
    [InlineData("silu")]
    public void An_activation_layer_learns_nothing_and_keeps_the_shape(string name)
    {
        var key = Keys.OfText($"networks:\n  net:\n    input: [3, 4]\n    layers:\n      - {name}\nquestions:\n  - {{ id: s, answer: \"output_shape(net)\" }}\n  - {{ id: p, answer: \"params(net)\" }}\n");
        Assert.Equal([3.0, 4], key.AnswerTo("s")!.Data);
        Assert.Equal(0, key.AnswerTo("p")!.Data[0]);
    }

    [Theory]
    [InlineData("      - dropout: { p: 1.5 }\n", "dropout needs a probability from 0 to 1")]
    [InlineData("      - conv1d: { filters: 2, kernel: 3, stride: 2, padding: same }\n", "conv1d: padding: same needs stride 1, as in PyTorch")]
    [InlineData("      - embedding: { num: 10 }\n", "embedding needs { num: rows, dim: columns }")]
    [InlineData("      - batchnrom\n", "did you mean 'batchnorm'")]
    public void Bad_layers_are_refused_clearly(string layer, string message)
    {
        var problems = Keys.ProblemsOf($"networks:\n  net:\n    input: [4]\n    layers:\n{layer}questions:\n  - {{ id: q, answer: \"params(net)\" }}\n");
        Assert.Contains(message, problems);
    }
}
