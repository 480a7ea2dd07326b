using Grader.Domain.Grading;
using Grader.Domain.Output;

namespace Grader.Domain.Tests.Grading;

public class ManualGradingTests
{
    private static readonly DateTime At = new(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc);

    private static GradeReport Report()
    {
        var a = Grade.One("[1, 2]", "[1, 5]");              // 0.5 of 1
        var b = Grade.One("3", "4") with { Id = "r" };        // 0 of 1
        return new GradeReport("t", "s", a.Score + b.Score, 2, [a, b], []);
    }

    [Fact]
    public void The_latest_override_replaces_the_score_and_the_automatic_one_is_kept()
    {
        var applied = ManualGrading.Apply(Report(), [new("r", 0.25, 0, "first look", "jo", At), new("r", 1, 0, "right idea", "ann", At.AddMinutes(5))]);
        Assert.Equal(1.5, applied.Score);
        Assert.Equal(1, applied.Questions[1].Score);
        Assert.Equal(("ann", 0.0, "right idea"), (applied.Questions[1].Override!.By, applied.Questions[1].Override!.AutoScore, applied.Questions[1].Override!.Comment));
        Assert.Null(applied.Questions[0].Override);
    }

    [Fact]
    public void Applying_again_or_after_a_json_round_trip_changes_nothing()
    {
        ScoreOverride[] manual = [new("q", 1, 0.5, "ok", "jo", At)];
        var once = ManualGrading.Apply(Report(), manual);
        var again = ManualGrading.Apply(GradeReportJsonReader.Read(GradeReportJson.Write(once)), manual);
        Assert.Equal(once.Score, again.Score);
        Assert.Equal(0.5, again.Questions[0].Override!.AutoScore);
        Assert.Equal(GradeReportJson.Write(once), GradeReportJson.Write(again));
    }

    [Theory]
    [InlineData("q", 0, null)]
    [InlineData("q", 1, null)]
    [InlineData("q", 1.0001, "the score must be from 0 to 1")]
    [InlineData("q", -0.0001, "the score must be from 0 to 1")]
    [InlineData("q", double.NaN, "the score must be from 0 to 1")]
    [InlineData("zz", 1, "no question 'zz'")]
    public void Scores_outside_the_question_points_are_refused(string question, double score, string? error)
    {
        var why = ManualGrading.Check(Report(), question, score);
        if (error is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(error, why);
        }
    }

    [Theory]
    // the answer (key [1, 2], 2 points), the TA's score (null: none), the status shown, the status kept
    [InlineData("[1, 5]", null, QuestionStatus.Partial, QuestionStatus.Partial)]    // 1 of 2 elements right: 1 of 2 points, as graded
    [InlineData("[3, 4]", 1.5, QuestionStatus.Partial, QuestionStatus.Incorrect)]   // 1.5 of 2 by hand reads as partial
    [InlineData("[3, 4]", 2.0, QuestionStatus.Correct, QuestionStatus.Incorrect)]
    [InlineData("[1, 2]", 0.0, QuestionStatus.Incorrect, QuestionStatus.Correct)]
    [InlineData("[1, 5]", 0.0, QuestionStatus.Incorrect, QuestionStatus.Partial)]
    [InlineData("[3, 4]", 0.0, QuestionStatus.Incorrect, QuestionStatus.Incorrect)]
    public void An_override_is_shown_with_the_status_its_score_reads_as_and_the_automatic_status_is_kept(string given, double? score, QuestionStatus shown, QuestionStatus kept)
    {
        var graded = Grade.One("[1, 2]", given, settings: "    points: 2\n");
        var report = new GradeReport("t", "s", graded.Score, graded.MaxScore, [graded], []);
        var q = (score is { } x ? ManualGrading.Apply(report, [new("q", x, graded.Score, "by hand", "jo", At)]) : report).Questions[0];
        Assert.Equal(shown, q.ScoredStatus);
        Assert.Equal(kept, q.Status);
    }

    [Fact]
    public void A_missing_answer_given_0_by_hand_stays_missing()
    {
        var missing = Grade.Text("id: t\nquestions:\n  - id: a\n    answer: 1\n  - id: q\n    answer: 2\n", "assignment: t\nstudent: s\nanswers:\n  a: 1\n").Questions[1];
        var report = new GradeReport("t", "s", 0, 1, [missing], []);
        Assert.Equal(QuestionStatus.Missing, ManualGrading.Apply(report, [new("q", 0, 0, "nothing to grade", "jo", At)]).Questions[0].ScoredStatus);
    }
}
