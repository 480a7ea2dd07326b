using Grader.Domain.Expressions;

namespace Grader.Domain.Tests.Expressions.Functions;

/// <summary>
/// Layers, losses, clamp and outer as the expression language writes them, where PyTorch
/// refuses an input: the same refusal, at the call's column.
/// </summary>
public class LayerFunctionsTests
{
    [Theory]

    // F.batch_norm in training mode: "Expected more than 1 value per channel when training".
    [InlineData("batchnorm([[1, 2, 3]], [1, 1, 1], [0, 0, 0])", "batchnorm needs more than one value per channel in training mode")]
    [InlineData("batchnorm([[[[4]], [[5]]]], [1, 1], [0, 0])", "got (1, 2, 1, 1)")]

    // torch.clamp: "At least one of 'min' or 'max' must not be None"; F.huber_loss: "does not support non-positive values for delta".
    [InlineData("clamp([1, 2])", "clamp needs min or max (or both)")]
    [InlineData("huber_loss([1], [2], delta=0)", "huber_loss: delta must be a finite number above 0")]
    [InlineData("smooth_l1_loss([1], [2], beta=-1)", "smooth_l1_loss: beta must be a finite number at least 0")]

    // torch.outer: "Expected 1-D argument"; F.cross_entropy and F.nll_loss: "0D or 1D target tensor expected, multi-target not supported".
    [InlineData("outer([[1, 2], [3, 4]], [1, 2])", "outer needs two vectors (1-D, as torch.outer), got (2, 2) and (2,)")]
    [InlineData("cross_entropy([[1, 2, 3], [3, 2, 1]], [[0], [2]])", "cross_entropy: class-index targets for input (2, 3) have shape (2,), one per position, got (2, 1)")]
    [InlineData("nll_loss([[-1, -2], [-2, -1]], [[0, 1]])", "nll_loss: class-index targets for input (2, 2) have shape (2,)")]

    // F.binary_cross_entropy(_with_logits): "Target size must be the same as input size" (no broadcasting).
    [InlineData("bce_with_logits([[1, 2], [3, 4], [5, 6]], [0, 1])", "bce_with_logits: the target's shape (2,) must be the input's (3, 2)")]
    [InlineData("bce_with_logits([1, 2], [[0, 1], [1, 1]])", "bce_with_logits: the target's shape (2, 2) must be the input's (2,)")]
    [InlineData("bce([[0.5, 0.2], [0.3, 0.4]], [[1], [0]])", "bce: the target's shape (2, 1) must be the input's (2, 2)")]
    public void Refuses_what_PyTorch_refuses(string text, string message)
    {
        var ex = Assert.ThrowsAny<ExpressionException>(() => Evaluate(text));
        Assert.Contains(message, ex.Message);
        Assert.Equal(1, ex.Column);
    }

    [Fact]
    public void Batchnorm_of_two_rows_normalises_each_channel()
    {
        // Channel 0 holds 1 and 3 (mean 2, biased variance 1), channel 1 holds 5 and 5 (variance 0):
        // (1 − 2)/√(1 + 1e-5), (3 − 2)/√(1 + 1e-5), and 0 for both of channel 1.
        var y = Evaluate("batchnorm([[1, 5], [3, 5]], [1, 1], [0, 0])");
        var s = 1 / Math.Sqrt(1 + 1e-5);
        Assert.Equal([-s, 0, s, 0], y.Data, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Theory]
    [InlineData("bce_with_logits([0.5], 1)")]
    [InlineData("bce(0.25, [[1]])")]
    public void A_binary_cross_entropy_takes_a_one_element_target_of_a_one_element_input_in_any_shape(string text) =>
        Assert.Equal(1, Evaluate(text).Count);

    private static Grader.Reference.Tensor Evaluate(string text) =>
        new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(text)).Value;
}
