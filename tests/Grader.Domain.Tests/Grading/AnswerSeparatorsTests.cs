using Grader.Domain.Grading;
using Grader.Domain.Yaml;

namespace Grader.Domain.Tests.Grading;

public class AnswerSeparatorsTests
{
    // Each answer as a student types it (a quoted scalar, as the page's fields arrive), its shape and elements.
    [Theory]
    [InlineData("[1 -2]", "2", "1 -2")]
    [InlineData("[1 - 2]", "1", "-1")]
    [InlineData("[1 -2 +3]", "3", "1 -2 3")]
    [InlineData("[1 - 2 + 3]", "1", "2")]
    [InlineData("[-0.0559 -0.1049]", "2", "-0.0559 -0.1049")]
    [InlineData("[[1 2] [3 4]]", "2x2", "1 2 3 4")]
    [InlineData("[[1. 2.]\n [3. 4.]]", "2x2", "1 2 3 4")]
    [InlineData("[[ 1.  2.]\n [ 3. -4.]]", "2x2", "1 2 3 -4")]
    [InlineData("[ 1.  2.]", "2", "1 2")]
    [InlineData("1.", "", "1")]
    [InlineData("[1,5]", "2", "1 5")]
    [InlineData("[1, -2]", "2", "1 -2")]
    [InlineData("[[1, 2] [3, 4]]", "2x2", "1 2 3 4")]
    [InlineData("[2 *3]", "1", "6")]
    [InlineData("[sqrt(4) 1]", "2", "2 1")]
    [InlineData("[max([1, 5]) 2]", "2", "5 2")]
    [InlineData("1 -2", "", "-1")]
    public void NumPy_and_MATLAB_lists_are_read_as_lists(string text, string shape, string elements)
    {
        var t = YamlValues.Expression(new YScalar(text, new SourcePosition(1, 1), true, !text.Contains('\n')), asAnswer: true);
        Assert.Equal(shape, string.Join("x", t.Shape));
        Assert.Equal(elements.Split(' ').Select(double.Parse), t.Data);
    }

    // An empty element, as a grid of cells with one left blank writes it: where it is in the student's terms, and the column of the comma or bracket after it.
    [Theory]
    [InlineData("[[1, -1.5], [, 2e-1]]", "row 2, column 1 is empty; write a number in every cell", 14)]
    [InlineData("[[1, 2], [3, ]]", "row 2, column 2 is empty; write a number in every cell", 14)]
    [InlineData("[1, , 3]", "element 2 of the list is empty; write a number in it", 5)]
    [InlineData("[ , 1]", "element 1 of the list is empty; write a number in it", 3)]
    [InlineData("[1, 2, ]", "element 3 of the list is empty; write a number in it", 8)]
    [InlineData("[[[1, 2], [3, 4]], [[5, 6], [, 8]]]", "the element at [1, 1, 0] (counting from 0) is empty; write a number in every cell", 30)]
    [InlineData("[]", null, 0)]
    [InlineData("[[1, 2], [3, 4]]", null, 0)]
    [InlineData("[max(1, 2), 3]", null, 0)]
    [InlineData("max(1, , 2)", null, 0)]
    public void An_empty_element_is_named_by_its_row_and_column(string text, string? message, int column)
    {
        var empty = AnswerSeparators.EmptyElement(text);
        Assert.Equal(message, empty?.Message);
        Assert.Equal(column, empty?.Column ?? 0);
        if (message is not null)
        {
            Assert.Contains(text[column - 1], ",]"); // the column is the comma or bracket that follows the gap
        }
    }

    [Fact]
    public void Assignment_expressions_keep_the_old_reading()
    {
        var t = YamlValues.Expression(new YScalar("[1 -2]", new SourcePosition(1, 1), false, true));
        Assert.Equal([-1.0], t.Data);
    }

    [Theory]
    [InlineData("1,5", 2)]
    [InlineData("-0,25", 3)]
    [InlineData("[1,5]", 0)]
    [InlineData("max(1,5)", 0)]
    [InlineData("1, 5", 0)]
    public void A_decimal_comma_outside_brackets_is_found(string text, int column) =>
        Assert.Equal(column, AnswerSeparators.DecimalComma(text));

    [Fact]
    public void A_bare_decimal_comma_asks_for_a_decimal_point_at_its_column()
    {
        var ex = Assert.Throws<YamlFormatException>(() => YamlValues.Expression(new YScalar("1,5", new SourcePosition(4, 10), true, true), asAnswer: true));
        Assert.Contains("use a decimal point (1.5)", ex.Message);
        Assert.Equal(new SourcePosition(4, 12), ex.Position);
    }

    [Theory]
    [InlineData("w: [1 -2]\n", "w: [1,-2]\n")]
    [InlineData("w: [[1 2] [3 4]]\n", "w: [[1,2],[3,4]]\n")]
    [InlineData("w: [[1. 2.]\n     [3. 4.]]\n", "w: [[1.,2.],\n     [3.,4.]]\n")]
    [InlineData("w: [pi/2 + 4, pi + 2]\n", "w: [pi/2 + 4, pi + 2]\n")]
    [InlineData("w: \"[1 -2]\"\n", "w: \"[1 -2]\"\n")]
    [InlineData("w: [1 2] # [3 4]\n", "w: [1,2] # [3 4]\n")]
    [InlineData("w: [a: 1 2]\n", "w: [a: 1 2]\n")]
    [InlineData("- [1 2]\n", "- [1 2]\n")]
    [InlineData("a: [1 x: [1 2]\nb: [3 4]\n", "a: [1 x: [1 2]\nb: [3,4]\n")]
    [InlineData("a: [1 2\nb: [3 4]\n", "a: [1 2\nb: [3,4]\n")]
    public void Files_get_commas_only_in_unquoted_lists_after_a_key(string text, string expected) =>
        Assert.Equal(expected, AnswerSeparators.InFile(text));

    [Fact]
    public void A_megabyte_of_brackets_is_read_in_linear_time()
    {
        var lines = string.Concat(Enumerable.Repeat("w: [" + new string('[', 40) + "1 2\n", 20_000));
        var one = "w: " + new string('1', 500_000) + new string('[', 500_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(lines, AnswerSeparators.InFile(lines));
        Assert.Equal(one, AnswerSeparators.InFile(one));
        Assert.Equal(new string('[', 500_000), AnswerSeparators.InAnswer(new string('[', 500_000)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
