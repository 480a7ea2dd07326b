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
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits(string a, string b, int expected) => Assert.Equal(expected, DidYouMean.Distance(a, b));
}
