using System.Text.Json;
using Grader.Domain.Assignments;
using Grader.Domain.Output;
using Grader.Domain.Students;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Students;

public class HandoutTests
{
    [Theory]
    [InlineData("s1234")]
    [InlineData("ada")]
    public void A_handout_holds_the_values_the_student_is_graded_against(string student)
    {
        var assignment = Keys.Load("svm-random");
        var handout = Handout.Of(assignment, student);
        var key = AnswerKeyBuilder.Build(assignment, student);
        Assert.Equal(key.Values.Select(v => v.Key), handout.Values.Select(v => v.Key));
        foreach (var (name, value) in key.Values)
        {
            var given = handout.Values.Single(v => v.Key == name).Value;
            Assert.Equal(value.Shape, given.Shape);
            Assert.Equal(value.Data, given.Data);
        }
    }

    [Fact]
    public void Each_question_carries_the_expected_shape_and_nothing_of_the_answer()
    {
        var handout = Handout.Of(Keys.Load("svm-random"), "ada");
        Assert.Equal(new[] { 3 }, handout.Questions.Single(q => q.Id == "scores").Shape);
        Assert.Equal(new[] { 3, 4 }, handout.Questions.Single(q => q.Id == "dL-dW").Shape);
        Assert.Empty(handout.Questions.Single(q => q.Id == "total-loss").Shape!);
        Assert.DoesNotContain("shape", HandoutJson.Write(handout), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_JSON_has_the_contract_shape_and_no_answers()
    {
        var assignment = Keys.Load("svm-random");
        var key = AnswerKeyBuilder.Build(assignment, "s1234");
        using var doc = JsonDocument.Parse(HandoutJson.Write(Handout.Of(assignment, "s1234")));
        var root = doc.RootElement;
        Assert.Equal(["id", "title", "student", "values", "questions"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("svm-random", root.GetProperty("id").GetString());
        Assert.Equal("s1234", root.GetProperty("student").GetString());

        // W is drawn as a 3x4 matrix of whole numbers: a nested list row by row, equal to the key's values.
        var w = root.GetProperty("values").GetProperty("W");
        Assert.Equal(3, w.GetArrayLength());
        var keyW = key.ValueMap["W"];
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(Enumerable.Range(0, 4).Select(c => keyW[r, c]), w[r].EnumerateArray().Select(e => e.GetDouble()));
        }

        Assert.Equal(0.1, root.GetProperty("values").GetProperty("lam").GetDouble());
        var questions = root.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(assignment.Questions.Select(q => q.Id), questions.Select(q => q.GetProperty("id").GetString()));
        Assert.All(questions, q => Assert.Equal(["id", "text", "points", "precision"], q.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(2, questions.Single(q => q.GetProperty("id").GetString() == "dL-dW").GetProperty("points").GetDouble());

        // No answer appears anywhere: the total loss of this variant is not in the text.
        var text = HandoutJson.Write(Handout.Of(assignment, "s1234"));
        Assert.DoesNotContain("answer", text);
        Assert.DoesNotContain(key.AnswerTo("total-loss")!.ScalarValue.ToString("R", System.Globalization.CultureInfo.InvariantCulture), text);
    }

    [Fact]
    public void The_text_lists_values_and_questions_with_points()
    {
        var text = HandoutText.Write(Handout.Of(Keys.Load("svm-random"), "s1234"));
        Assert.Contains("student s1234", text);
        Assert.Contains("your values", text);
        Assert.Contains("dL-dW  (2 points, within 1% or 0.001)", text);
        Assert.DoesNotContain("grad(L, W)", text);
    }
}
