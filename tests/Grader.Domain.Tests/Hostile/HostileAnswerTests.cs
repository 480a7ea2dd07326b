using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Hostile;

/// <summary>The hostile corpus against the domain: every case gets its reason, nothing throws.</summary>
public class HostileAnswerTests
{
    private static Assignment Tanh() => AssignmentLoader.LoadFile(Repo.Assignment("tanh-network")).Assignment!;

    public static TheoryData<string, string, string> Answers => new()
    {
        { "conv padding (the issue's file)", HostileCorpus.Text("answers/conv-padding.yaml"), "padding 1000000 must be at most the input size 1 or the window size less one 0" },
        { "outer-product bomb", HostileCorpus.OuterBomb(), "outer would make a tensor of 9,000,000 elements" },
        { "many products past the file's budget", HostileCorpus.ManyOuters(), "more than 2,000,000 tensor elements in all" },
        { "a convolution that costs too much", HostileCorpus.CostlyConv(), "conv2d needs more computation than allowed" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void A_hostile_answer_is_graded_invalid_with_its_reason(string name, string text, string reason)
    {
        var read = AnswerFileReader.Read(text, "hostile.yaml");
        Assert.True(read.File is not null, name);
        var report = AnswerGrader.Grade(Tanh(), read.File!);
        var forward = report.Questions.Single(q => q.Id == "forward");
        Assert.Equal(QuestionStatus.Invalid, forward.Status);
        Assert.Contains(reason, forward.Feedback);
    }

    [Fact]
    public void The_other_answers_of_a_hostile_file_are_still_graded()
    {
        var report = AnswerGrader.Grade(Tanh(), AnswerFileReader.Read(HostileCorpus.Text("answers/conv-padding.yaml"), "a.yaml").File!);
        Assert.Equal(QuestionStatus.Correct, report.Questions.Single(q => q.Id == "grad-W0").Status);
    }

    [Theory]
    [InlineData("answers/student-newline.yaml", "U+000A")]
    [InlineData("answers/student-ansi.yaml", "U+001B")]
    [InlineData("answers/student-rtl.yaml", "U+202E")]
    [InlineData("answers/student-zero-width.yaml", "U+200B")]
    public void A_student_id_with_invisible_or_control_characters_is_refused(string file, string character)
    {
        var read = AnswerFileReader.Read(HostileCorpus.Text(file), file);
        Assert.Null(read.File);
        var problem = Assert.Single(read.Diagnostics);
        Assert.Contains($"the student id contains an invisible or control character ({character})", problem.Message);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Grading_over_its_time_budget_marks_the_questions_invalid_with_the_reason()
    {
        var file = AnswerFileReader.Read(File.ReadAllText(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml")), "a.yaml").File!;
        using var budget = EvaluationBudget.Use(new EvaluationBudget(TimeSpan.Zero));
        var report = AnswerGrader.Grade(Tanh(), file);
        Assert.All(report.Questions, q =>
        {
            Assert.Equal(QuestionStatus.Invalid, q.Status);
            Assert.Equal("not graded: grading took longer than its time budget of 0 s", q.Feedback);
        });
        Assert.Equal(0, report.Score);
    }

    [Theory]
    [InlineData("assignments/cycle.yaml", "cycle in the graph: a -> b -> a")]
    [InlineData("assignments/conv-padding.yaml", "padding 1000000 must be at most the input size 1 or the window size less one 0")]
    public void A_hostile_assignment_is_refused_at_its_line_and_column(string file, string reason)
    {
        var (assignment, problems) = AssignmentValidator.ValidateFile(HostileCorpus.File(file));
        Assert.Null(assignment);
        Assert.Contains(problems, p => p.Message.Contains(reason, StringComparison.Ordinal) && p.Line > 1);
    }
}
