namespace Grader.Domain.Tests.Grading;

/// <summary>
/// The classic mistakes of the tensor language's homework are named: a bias gradient averaged
/// instead of summed over the batch, the unbiased variance for the biased one, batchnorm's
/// gradient without the mean's or the variance's path, softmax along the wrong axis. Each wrong
/// answer is the mistake worked out independently (by hand, or PyTorch float64 with the batch
/// statistics detached: tests/pytorch).
/// </summary>
public class TensorLanguageMistakeTests
{
    private const string BatchNorm = """
        id: t
        values:
          x: [[1.0, -2.0], [3.0, 0.0], [-1.0, 4.0], [1.0, 2.0]]
          gamma: [2.0, 0.5]
          beta: [0.3, -1.0]
          dout: [[1.0, 0.0], [-1.0, 2.0], [0.7, 1.0], [0.0, -1.0]]
        graph:
          out: batchnorm(x, gamma, beta)
          L: sum(out * dout)
        questions:
          - id: q
            answer: grad(L, x)

        """;

    [Theory]
    [InlineData("[[1.41421, 0], [-0.212138, 0.447213], [-0.212125, 0.223607], [0, -0.223607]]", "path through the batch mean")]
    [InlineData("[[1.16672, -0.111803], [-1.6617, 0.33541], [0.74246, 0.111803], [-0.247487, -0.33541]]", "path through the batch variance")]
    [InlineData("[[1.41421, 0], [-1.41421, 0.447213], [0.989947, 0.223607], [0, -0.223607]]", "mean and variance as constants")]
    [InlineData("[[1.01041, -0.0968245], [-0.398045, 0.290474], [-0.398037, 0.0968245], [-0.21433, -0.290474]]", "unbiased variance")]
    public void A_batchnorm_gradient_missing_a_path_is_named(string given, string named)
    {
        var r = Grade.Text(BatchNorm, $"assignment: t\nanswers:\n  q: {given}\n").Questions[0];
        Assert.Contains(named, r.Feedback);
    }

    [Fact]
    public void A_bias_gradient_averaged_over_the_batch_is_named()
    {
        // batch-affine-softmax's db = [−0.0425429, 0.0651367, −0.0225938] (PyTorch); averaged over N = 3 it is a third of it.
        var r = Grade.Text(
            File.ReadAllText(Path.Combine(Repo.Assignments, "batch-affine-softmax.yaml")),
            "assignment: batch-affine-softmax\nanswers:\n  db: [-0.0141810, 0.0217122, -0.00753128]\n").Questions.Single(q => q.Id == "db");
        Assert.Contains("sum them over the batch", r.Feedback);
    }

    [Theory]
    [InlineData("softmax(z)", "[[0.25, 0.5], [0.75, 0.5]]", "each row sums to 1")]            // by column instead of by row
    [InlineData("softmax(z, axis=0)", "[[0.5, 0.5], [0.75, 0.25]]", "each column sums to 1")] // by row instead of by column
    [InlineData("var(v)", "1.6666667", "divides by n − 1")]                                  // var([1, 2, 3, 4]) = 1.25; unbiased 5/3
    [InlineData("var(v, unbiased=true)", "1.25", "dividing by n")]
    [InlineData("var(v, 0, True)", "1.25", "dividing by n")]                                  // torch.var(v, 0, True): unbiased by position
    [InlineData("std(v, 0, True, True)", "[1.118034]", "dividing by n")]                     // and keepdim after it: √1.25 for √(5/3)
    public void Softmax_and_variance_mistakes_are_named(string answer, string given, string named)
    {
        // z = [[0, 0], [ln 3, 0]]: by row [[1/2, 1/2], [3/4, 1/4]]; by column [[1/4, 1/2], [3/4, 1/2]].
        var r = Grade.One(answer, given, values: "values:\n  z: [[0, 0], [1.0986122886681098, 0]]\n  v: [1, 2, 3, 4]\n");
        Assert.Contains(named, r.Feedback);
    }

    [Theory]
    [InlineData("basic", "[[[[14]]]]")]         // conv2d(X, K) = 0·0 + 1·1 + 2·2 + 3·3, one element where the transposed one has 3×3
    public void A_transposed_convolution_read_as_an_ordinary_one_is_named(string question, string given)
    {
        var r = Grade.Text(
            File.ReadAllText(Path.Combine(Repo.Assignments, "conv-transpose.yaml")),
            $"assignment: conv-transpose\nanswers:\n  {question}: {given}\n").Questions.Single(q => q.Id == question);
        Assert.Contains("ordinary convolution", r.Feedback);
    }
}
