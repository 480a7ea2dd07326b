using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Domain.Tests.Output;

public class TensorTextTests
{
    [Theory]
    [InlineData(-1.233581138E-16, "0")] // sin(2π)-like: zero up to rounding
    [InlineData(0.1 + 0.2, "0.3")] // binary noise beyond 15 figures is not shown
    [InlineData(0.6043677771171636, "0.604367777117164")] // 15 significant figures, no more
    [InlineData(-0.38, "-0.38")]
    [InlineData(608257, "608257")]
    [InlineData(1.5e-7, "1.5e-7")] // exponents lower-case, no padding zeros
    [InlineData(6.02e23, "6.02e23")]
    [InlineData(-2.5e-12, "-2.5e-12")] // tiny but not below 1e-12
    public void Numbers_print_in_their_shortest_form(double v, string expected) => Assert.Equal(expected, TensorText.Number(v));

    [Fact]
    public void Elements_zero_up_to_rounding_against_their_tensor_print_as_0()
    {
        // 1e-9 is rounding noise beside 1e4 (below 1e-12 of it), but not beside 1.
        Assert.Equal("[0, 10000]", TensorText.Inline(Tensor.Vector(1e-9, 1e4)));
        Assert.Equal("[1e-9, 1]", TensorText.Inline(Tensor.Vector(1e-9, 1)));
        Assert.Equal(["[0  -1]"], TensorText.Lines(Tensor.Vector(-2.4492935982947064e-16, -1)));
    }

    [Theory]
    [InlineData(0, 1e-300, 1, 1, "0", "1e-300")] // both "0" as people read them: every digit instead
    [InlineData(1e-13, 2e-13, 1, 1, "1e-13", "2e-13")]
    [InlineData(0.30000000000000004, 0.3, 1, 1, "0.30000000000000004", "0.3")] // equal to 15 figures
    [InlineData(0.5, 0.25, 1, 1, "0.5", "0.25")] // different as written: as written
    [InlineData(1e-9, 2e-9, 1e4, 1e4, "1e-9", "2e-9")] // both noise beside their tensors, still told apart
    [InlineData(0, 0, 1, 1, "0", "0")]
    public void Two_different_numbers_never_print_the_same(double a, double b, double scaleA, double scaleB, string first, string second) =>
        Assert.Equal((first, second), TensorText.Apart(a, b, scaleA, scaleB));
}
