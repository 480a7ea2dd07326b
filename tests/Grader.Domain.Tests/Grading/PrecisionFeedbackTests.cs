namespace Grader.Domain.Tests.Grading;

/// <summary>Every answer compared with the key says, in its feedback, the precision it was held to (as the handout states it).</summary>
public class PrecisionFeedbackTests
{
    [Theory]
    [InlineData("0.25", "0.25", "", "correct; precision: within 1% or 0.001")]
    [InlineData("0.25", "0.5", "", "expected 0.25, got 0.5; precision: within 1% or 0.001")]
    [InlineData("0.123456", "0.1235", "    tolerance: { sigfigs: 4 }\n", "correct; precision: 4 significant figures")]
    [InlineData("0.123456", "0.1234", "    tolerance: { sigfigs: 4 }\n", "expected 0.123456, got 0.1234; precision: 4 significant figures")]
    [InlineData("2", "2.0005", "    tolerance: { abs: 0.001, rel: 0 }\n", "correct; precision: within 0.001")]
    [InlineData("2", "2.002", "    tolerance: { abs: 1e-3, rel: 0 }\n", "expected 2, got 2.002; precision: within 0.001")]
    [InlineData("3", "3", "    tolerance: { exact: true }\n", "correct; precision: exact")]
    [InlineData("[1, 2]", "[1, 5]", "", "wrong element: [1] expected 2, got 5 (1 of 2 elements right); precision: within 1% or 0.001")]
    public void The_feedback_ends_with_the_accepted_precision(string key, string given, string settings, string feedback) =>
        Assert.Equal(feedback, Grade.One(key, given, settings).Feedback);

    [Theory]
    [InlineData("~", "no answer given")]
    [InlineData("1/", "")]
    public void An_answer_that_was_not_compared_has_no_precision(string given, string start)
    {
        var feedback = Grade.One("0.25", given).Feedback;
        Assert.StartsWith(start, feedback);
        Assert.DoesNotContain("precision", feedback);
    }
}
