namespace Grader.Reference.Tests;

public class WindowTests
{
    [Theory]
    [InlineData(3, 1, 0, 5, 3)]   // (5 − 3)/1 + 1
    [InlineData(3, 2, 1, 5, 3)]   // (5 + 2 − 3)/2 + 1
    [InlineData(2, 1, 1, 1, 2)]   // the "full" convolution of one cell by a 2-wide kernel
    [InlineData(1, 1, 3, 3, 9)]   // a 1-wide kernel may pad up to the input's length
    [InlineData(1, 1, 0, 1, 1)]
    public void The_output_length_is_the_course_formula(int size, int stride, int padding, int n, int expected)
    {
        Assert.Equal(expected, new Window(size, stride, padding).OutputLength(n, "conv2d height"));
    }

    [Theory]
    [InlineData(1, 1, 1000000, "padding 1000000 must be at most the input size 1 or the window size less one 0")]
    [InlineData(3, 1, 3, "padding 3 must be at most the input size 1 or the window size less one 2")]
    [InlineData(3, 0, 0, "stride must be at least 1")]
    [InlineData(0, 1, 0, "window size must be at least 1")]
    [InlineData(3, 1, -1, "padding must not be negative")]
    public void A_window_out_of_bounds_is_refused_before_any_output_is_made(int size, int stride, int padding, string reason)
    {
        var ex = Assert.Throws<ShapeException>(() => new Window(size, stride, padding).OutputLength(1, "conv2d height"));
        Assert.Contains(reason, ex.Message);
    }
}
