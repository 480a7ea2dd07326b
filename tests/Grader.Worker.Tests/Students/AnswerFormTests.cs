using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Worker.Students;

namespace Grader.Worker.Tests.Students;

public class AnswerFormTests
{
    private static readonly Assignment Svm = AssignmentLoader.LoadFile(Repo.Assignment("svm-random")).Assignment!;

    [Theory]
    [InlineData("scores", "[1, 2, 3]", "ok", "read as shape (3,), as the question expects")]
    [InlineData("scores", "[pi/2, sqrt(2)/2, -4*2]", "ok", "read as shape (3,)")]
    [InlineData("total-loss", "1/3", "ok", "read as a scalar")]
    [InlineData("total-loss", "[2.5]", "ok", "read as a scalar")]
    [InlineData("dL-dW", "[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]", "ok", "shape (3, 4)")]
    [InlineData("dL-dW", "[[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]", "wrong-shape", "read as shape (4, 3), but the question expects shape (3, 4)")]
    [InlineData("scores", "7", "wrong-shape", "read as a scalar, but the question expects shape (3,)")]
    [InlineData("scores", "[1, 2", "invalid", "cannot read scores")]
    [InlineData("scores", "[[1, 2], [3]]", "invalid", "cannot read scores")]
    [InlineData("scores", "1/0", "invalid", "not a finite number")]
    [InlineData("W-next", "", "empty", "empty (the question expects shape (3, 4))")]
    public void Check_reads_each_field_as_an_answer_file_would_and_compares_shapes(string question, string text, string status, string message)
    {
        var form = new AnswerForm(new Dictionary<string, string> { [question] = text }.Where(f => f.Value.Length > 0).ToDictionary());
        var check = form.Check(Svm, "ada").Single(c => c.QuestionId == question);
        Assert.Equal(status, check.Status);
        Assert.Contains(message, check.Message);
    }

    [Theory]
    // the text the page's grid of cells writes when one cell is left empty (answers.js joins each row's cells with ", ")
    [InlineData("dL-dW", "[[1, 2, 3, 4], [5, , 7, 8], [9, 10, 11, 12]]", "cannot read dL-dW: row 2, column 2 is empty; write a number in every cell")]
    [InlineData("dL-dW", "[[, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]", "cannot read dL-dW: row 1, column 1 is empty; write a number in every cell")]
    [InlineData("scores", "[1, 2, ]", "cannot read scores: element 3 of the list is empty; write a number in it")]
    public void Check_names_the_empty_cell_of_a_grid_by_row_and_column(string question, string text, string message)
    {
        var check = new AnswerForm(new Dictionary<string, string> { [question] = text }).Check(Svm, "ada").Single(c => c.QuestionId == question);
        Assert.Equal("invalid", check.Status);
        Assert.Equal(message, check.Message);
    }

    [Theory]
    [InlineData("total-loss", "2.5", "2.5")]
    [InlineData("total-loss", "0.000015", @"1.5 \times 10^{-5}")]
    [InlineData("scores", "[1 -2 +3]", @"\begin{bmatrix} 1 & -2 & 3 \end{bmatrix}")]
    [InlineData("scores", "[1 - 2 3]", @"\begin{bmatrix} -1 & 3 \end{bmatrix}")]
    [InlineData("dL-dW", "[[1 2 3 4] [5 6 7 8] [9 10 11 12]]", @"\begin{bmatrix} 1 & 2 & 3 & 4 \\ 5 & 6 & 7 & 8 \\ 9 & 10 & 11 & 12 \end{bmatrix}")]
    public void Check_previews_what_each_field_was_read_as(string question, string text, string tex)
    {
        var check = new AnswerForm(new Dictionary<string, string> { [question] = text }).Check(Svm, "ada").Single(c => c.QuestionId == question);
        Assert.Equal(tex, check.Preview);
    }

    [Theory]
    [InlineData("scores", "1,5", "use a decimal point (1.5)", "(column 2 of the field)")]
    [InlineData("scores", "[1, 2, 3 +]", "cannot read scores", "(column 11 of the field)")]
    public void Check_errors_name_the_field_and_its_column(string question, string text, string message, string where)
    {
        var check = new AnswerForm(new Dictionary<string, string> { [question] = text }).Check(Svm, "ada").Single(c => c.QuestionId == question);
        Assert.Equal("invalid", check.Status);
        Assert.Contains(message, check.Message);
        Assert.Contains(where, check.Message);
        Assert.DoesNotContain("line", check.Message);
        Assert.Null(check.Preview);
    }

    [Theory]
    [InlineData("scores", "[1, 2, 3 +]", "(column 11 of the field)")]
    [InlineData("total-loss", "2.5.1", "of the field)")]
    public void A_submitted_form_that_cannot_be_read_names_the_field_and_its_column_not_a_line_of_the_written_file(string question, string text, string where)
    {
        var file = new AnswerForm(new Dictionary<string, string> { [question] = text, ["data-loss"] = "1" }).ToAnswerFile(Svm, "ada");
        var read = AnswerFileReader.Read(file, "form").File!;
        var answer = read.Answers.Single(a => a.QuestionId == question);
        Assert.Null(answer.Value);
        Assert.Contains($"cannot read {question}", answer.Error);
        Assert.Contains(where, answer.Error);
        Assert.DoesNotContain("line", answer.Error);
        Assert.Equal(1.0, read.Answers.Single(a => a.QuestionId == "data-loss").Value!.Data[0]);
    }

    [Fact]
    public void The_answer_file_gives_back_exactly_what_was_typed()
    {
        var typed = new Dictionary<string, string>
        {
            ["scores"] = "[1 -2 +3]",
            ["data-loss"] = "\"quoted\" \\ back # not a comment",
            ["dL-dW"] = "[[1. 2.] [3. 4.]]",
        };
        var content = System.Text.Encoding.UTF8.GetBytes(new AnswerForm(typed).ToAnswerFile(Svm, "ada"));
        Assert.Equal(typed.OrderBy(f => f.Key), AnswerForm.FromAnswerFile(content)!.Fields.OrderBy(f => f.Key));
        Assert.Null(AnswerForm.FromAnswerFile("- not an answer file"u8.ToArray()));
        Assert.Null(AnswerForm.FromAnswerFile("answers: [1, 2"u8.ToArray()));
    }

    [Fact]
    public void The_answer_file_keeps_hostile_text_inside_its_own_field()
    {
        var form = new AnswerForm(new Dictionary<string, string>
        {
            ["scores"] = "1\nstudent: bob\nanswers: {total-loss: 3}",
            ["data-loss"] = "\"quoted\" \\ back # not a comment",
            ["total-loss"] = "2.5",
        });
        var read = AnswerFileReader.Read(form.ToAnswerFile(Svm, "ada"), "form");
        Assert.NotNull(read.File);
        Assert.Equal("ada", read.File!.Student);
        Assert.Equal("svm-random", read.File.AssignmentId);
        Assert.Equal(["scores", "data-loss", "total-loss"], read.File.Answers.Select(a => a.QuestionId));
        Assert.NotNull(read.File.AnswerTo("scores")!.Error);
        Assert.NotNull(read.File.AnswerTo("data-loss")!.Error);
        Assert.Equal(2.5, read.File.AnswerTo("total-loss")!.Value!.ScalarValue);
    }

    [Fact]
    public void Submitting_the_key_typed_in_the_form_scores_full_marks()
    {
        var key = AnswerKeyBuilder.Build(Svm, "ada");
        var form = new AnswerForm(key.Answers.ToDictionary(a => a.Key, a => a.Value.ToString()));
        var file = AnswerFileReader.Read(form.ToAnswerFile(Svm, "ada"), "form").File!;
        var report = AnswerGrader.Grade(Svm, file);
        Assert.Equal(report.MaxScore, report.Score);
        Assert.All(form.Check(Svm, "ada"), c => Assert.True(c.Ok, c.Message));
    }

    [Theory]
    // the fields typed (id=text;...), the warnings Check shows ("" none)
    [InlineData("scores=[1, 2, 3]", "")]
    [InlineData("Scores=[1, 2, 3]", "unknown question id 'Scores' (a field of the answer page) ignored (did you mean 'scores'?)")]
    [InlineData("scores=1;dl-dw=2", "unknown question id 'dl-dw' (a field of the answer page) ignored (did you mean 'dL-dW'?)")]
    [InlineData("zzz=1", "unknown question id 'zzz' (a field of the answer page) ignored")]
    public void Check_warns_of_fields_that_match_no_question_and_Submit_keeps_them_so_the_report_says_the_same(string typed, string warning)
    {
        var form = new AnswerForm(typed.Split(';').Select(f => f.Split('=')).ToDictionary(f => f[0], f => f[1]));
        Assert.Equal(warning.Length == 0 ? [] : [warning], form.Warnings(Svm));

        // The written file keeps the field, and its reader names it as a field, never by a line of that file.
        var file = AnswerFileReader.Read(form.ToAnswerFile(Svm, "ada"), "form").File!;
        Assert.True(file.FromFields);
        Assert.Equal(form.Fields.Keys.Order(StringComparer.Ordinal), file.Answers.Select(a => a.QuestionId).Order(StringComparer.Ordinal));
        Assert.Equal(form.Warnings(Svm), AnswerGrader.Grade(Svm, file).Warnings);
    }
}
