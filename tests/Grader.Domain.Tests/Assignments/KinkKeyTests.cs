using Grader.Domain.Grading;
using Grader.Domain.Tests.Grading;

namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// Keys at kinks, end to end through an assignment: each follows PyTorch's float64 autograd rule
/// named in the row, and the expected answer is worked out from that rule (the engine's own rows
/// are in Grader.Reference.Tests' KinkTests).
/// </summary>
public class KinkKeyTests
{
    [Theory]
    [InlineData("torch.max without dim splits ties evenly", "grad(max(v), v)", "v: [1, 3, 3, 2]", "[0, 0.5, 0.5, 0]")]
    [InlineData("elu_backward: alpha·e^x for x <= 0, so alpha at 0", "grad(elu(v, alpha=2), v)", "v: 0", "2")]
    [InlineData("norm_backward masks a zero norm: 0, not NaN (the assignment is not rejected)", "grad(norm(v), v)", "v: [0, 0]", "[0, 0]")]
    [InlineData("multi_margin_loss: a margin of exactly 0 passes nothing (relu'(0) = 0)", "grad(hinge(v, 0), v)", "v: [1, 1, 0]", "[-1, 1, 0]")]
    [InlineData("cross_entropy reduction='mean': each row's gradient softmax − onehot, over N = 2", "grad(cross_entropy(v, [0, 1]), v)", "v: [[0, 0], [0, 0]]", "[[-0.25, 0.25], [0.25, -0.25]]")]
    [InlineData("cross_entropy reduction='sum': softmax − onehot per row", "grad(cross_entropy(v, [0, 1], reduction=\\\"sum\\\"), v)", "v: [[0, 0], [0, 0]]", "[[-0.5, 0.5], [0.5, -0.5]]")]
    [InlineData("clamp_backward passes the gradient at the bounds: min <= x <= max", "grad(sum(clip(v, 0, 1)), v)", "v: [-1, 0, 1, 2]", "[0, 1, 1, 0]")]
    public void The_key_at_a_kink_follows_PyTorch(string rule, string answer, string value, string expected)
    {
        var r = Grade.One(answer, expected, values: $"values:\n  {value}\n");
        Assert.True(r.Status == QuestionStatus.Correct, $"{rule}: {r.Feedback}");
    }
}
