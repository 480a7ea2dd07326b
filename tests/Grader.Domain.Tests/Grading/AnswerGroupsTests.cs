using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Grading;

/// <summary>Wrong answers grouped by parsed value (same shape, elements equal to 15 significant figures), and a group's score as an override.</summary>
public class AnswerGroupsTests
{
    private static readonly DateTime At = new(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("1/2", "0.5", true)]                              // the example: one parsed value
    [InlineData("0.5", "5e-1", true)]
    [InlineData("0.1 + 0.2", "0.3", true)]                        // 0.30000000000000004 is 0.3 to 15 significant figures
    [InlineData("0.5000000000000001", "0.5", true)]               // equal to 15 significant figures
    [InlineData("[1/2, -1]", "[0.5, -1.0]", true)]
    [InlineData("[0.5 -1]", "[0.5, -1]", true)]                   // MATLAB's spelling is read as the same list
    [InlineData("0.50001", "0.5", false)]                         // differs in the 5th figure
    [InlineData("[0.5]", "0.5", true)]                            // one element is a number, as grading reads it
    [InlineData("[[0.5]]", "[0.5]", true)]
    [InlineData("[0.5, -1]", "[[0.5, -1]]", false)]               // (2) against (1, 2)
    [InlineData("[[0.5], [-1]]", "[[0.5, -1]]", false)]           // (2, 1) against (1, 2): same elements, other shape
    [InlineData("-0.0", "0", true)]                               // -0 is 0
    public void Answers_are_one_group_when_their_parsed_values_agree(string a, string b, bool same)
    {
        var ka = AnswerGroups.KeyOf(Given(a));
        var kb = AnswerGroups.KeyOf(Given(b));
        Assert.Equal(same, ka == kb);
    }

    [Fact]
    public void The_groups_of_a_question_count_students_and_leave_out_right_missing_and_unreadable_answers()
    {
        // The key is 0.25; three students write one half three ways (ada twice), one writes 3/4, one
        // is right, one leaves it out, one writes something that cannot be read.
        (long, string, string)[] answers =
        [
            (1, "ada", "1/2"), (2, "bob", "0.5"), (3, "cy", "[5e-1]"), (4, "ada", "0.5"),
            (5, "dee", "3/4"), (6, "eve", "0.25"), (7, "fay", "~"), (8, "gus", "1/"),
        ];
        var reports = answers.Select(a => (a.Item1, (string?)a.Item2, Grade.Text(Assignment, $"assignment: t\nstudent: {a.Item2}\nanswers:\n  q: {a.Item3}\n"))).ToList();

        var groups = AnswerGroups.Of("q", reports);

        Assert.Equal(2, groups.Count);
        Assert.Equal(("0.5", 3), (groups[0].Answer, groups[0].Students));
        Assert.Equal([1, 2, 3, 4], groups[0].Members);
        Assert.Equal(("0.75", 1), (groups[1].Answer, groups[1].Students));
        Assert.Equal([5], groups[1].Members);
        Assert.All(groups, g => Assert.Equal("q", g.QuestionId));
    }

    [Fact]
    public void A_group_score_applies_only_while_the_answer_is_in_the_group()
    {
        var wrong = Report("0.5");
        var key = AnswerGroups.KeyOf(wrong.Questions[0])!;
        ScoreOverride[] group = [new("q", 0.5, 0, "half: the factor 1/2 was dropped", "jo", At, key)];

        Assert.Equal(0.5, ManualGrading.Apply(wrong, group).Score);
        Assert.Equal(0.5, ManualGrading.Apply(Report("1/2"), group).Score);

        // After a regrade: another wrong answer, or a right one, is not in the group.
        Assert.Equal(0, ManualGrading.Apply(Report("0.75"), group).Score);
        Assert.Equal(1, ManualGrading.Apply(Report("0.25"), group).Score);
        Assert.Null(ManualGrading.Apply(Report("0.25"), group).Questions[0].Override);
    }

    [Fact]
    public void A_tas_own_score_made_later_wins_over_the_group_s_and_an_earlier_one_does_not()
    {
        var report = Report("0.5");
        var key = AnswerGroups.KeyOf(report.Questions[0])!;
        var group = new ScoreOverride("q", 0.5, 0, "group", "jo", At, key);

        Assert.Equal(0.75, ManualGrading.Apply(report, [group, new("q", 0.75, 0, "mine", "ann", At.AddMinutes(1))]).Score);
        Assert.Equal(0.5, ManualGrading.Apply(report, [new("q", 0.75, 0, "mine", "ann", At.AddMinutes(-1)), group]).Score);

        // When the group's no longer applies, the TA's own earlier score is in force again.
        var regraded = Report("0.75");
        Assert.Equal(0.25, ManualGrading.Apply(regraded, [new("q", 0.25, 0, "mine", "ann", At.AddMinutes(-1)), group]).Score);
    }

    [Fact]
    public void Reapplying_takes_back_an_override_that_is_no_longer_given()
    {
        var report = Report("0.5");
        var key = AnswerGroups.KeyOf(report.Questions[0])!;
        var withGroup = ManualGrading.Apply(report, [new("q", 0.5, 0, "group", "jo", At, key)]);
        Assert.Equal(0.5, withGroup.Score);

        var undone = ManualGrading.Reapply(withGroup, []);
        Assert.Equal(0, undone.Score);
        Assert.Null(undone.Questions[0].Override);
        Assert.Equal(0.25, ManualGrading.Reapply(withGroup, [new("q", 0.25, 0, "mine", "ann", At)]).Score);
    }

    private const string Assignment = "id: t\nquestions:\n  - id: q\n    answer: \"0.25\"\n";

    private static GradeReport Report(string given) => Grade.Text(Assignment, $"assignment: t\nstudent: s\nanswers:\n  q: {given}\n");

    private static Grader.Reference.Tensor Given(string text)
    {
        var result = Grade.One("[[9, 9], [9, 9]]", text);
        Assert.True(result.Given is not null, result.Feedback);
        return result.Given!;
    }
}
