using Grader.Worker.Pages.Shared;

namespace Grader.Worker.Tests.Pages.Shared;

public class FormatTests
{
    [Theory]
    [InlineData(1.23456789012, "1.23457")]
    [InlineData(-0.0559123456, "-0.0559123")]
    [InlineData(123456789.0, "123457000")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1.23456789e-7, "1.23457e-7")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(8, "8")]
    [InlineData(double.NaN, "NaN")]
    public void Significant_rounds_to_six_figures_and_writes_as_TensorText(double value, string expected) =>
        Assert.Equal(expected, Format.Significant(value, 6));
}
