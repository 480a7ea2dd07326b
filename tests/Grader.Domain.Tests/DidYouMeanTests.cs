namespace Grader.Domain.Tests;

public class DidYouMeanTests
{
    [Theory]
    [InlineData("sigmiod", "sigmoid")] // a swap of neighbours is one edit
    [InlineData("tahn", "tanh")]
    [InlineData("mse_loss", "mse")] // a known word wrapped in PyTorch's naming
    [InlineData("cross_entropy_loss", "cross_entropy")]
    [InlineData("Relu", "relu")] // case
    [InlineData("lekay_relu", "leaky_relu")]
    [InlineData("max_pool2d", "maxpool2d")] // F.max_pool2d; a bare "maxpool" is as near maxpool1d
    [InlineData("xyzzy", null)]
    [InlineData("softplus", null)]
    public void Suggests_the_closest_function(string word, string? expected) =>
        Assert.Equal(expected, DidYouMean.Closest(word, Grader.Domain.Expressions.Builtins.Functions.Keys));

    [Theory]
    [InlineData("grad_w", "grad-w")] // `_` read as `-` first, case kept
    [InlineData("grad_W", "grad-W")]
    [InlineData("GRAD_w", "grad-w")] // then case and `_`/`-` ignored
    [InlineData("gradw", "grad-w")] // then edit distance, where a case difference is an edit
    [InlineData("grad-Wx", "grad-W")]
    [InlineData("forward", null)]
    public void Suggests_the_question_id_meant_keeping_case(string id, string? expected) =>
        Assert.Equal(expected, DidYouMean.ClosestId(id, ["grad-W", "grad-w", "W-next"]));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits(string a, string b, int expected) => Assert.Equal(expected, DidYouMean.Distance(a, b));
}
