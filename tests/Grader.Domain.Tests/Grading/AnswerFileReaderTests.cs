using System.Text;
using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Grading;

public class AnswerFileReaderTests
{
    [Fact]
    public void Reads_the_contract_example()
    {
        const string Yaml = "assignment: tanh-network\nstudent: s1234\nanswers:\n  forward: 0.313\n  grad-W0: [[-0.1187, -0.0119], [0.1711, 0.0171]]\n  W0-next: [[1.02, -3.0], [0.17, 1.0]]\n  w-next: [pi/2 + 4, pi + 2]       # expressions of constants\n";
        var file = AnswerFileReader.Read(Yaml, "a.yaml").File!;
        Assert.Equal("tanh-network", file.AssignmentId);
        Assert.Equal("s1234", file.Student);
        Assert.Equal(4, file.Answers.Count);
        Assert.Equal([2, 2], file.AnswerTo("grad-W0")!.Value!.Shape);
        Assert.Equal((Math.PI / 2) + 4, file.AnswerTo("w-next")!.Value!.Data[0]);
    }

    [Fact]
    public void The_same_document_as_JSON_reads_the_same()
    {
        const string Json = "{\"assignment\": \"tanh-network\", \"student\": \"s1234\", \"answers\": {\"forward\": 0.313, \"grad-W0\": [[-0.1187, -0.0119], [0.1711, 0.0171]], \"w-next\": [\"pi/2 + 4\", \"pi + 2\"]}}";
        var file = AnswerFileReader.Read(Json, "a.json").File!;
        Assert.Equal(0.313, file.AnswerTo("forward")!.Value!.ScalarValue);
        Assert.Equal(0.0171, file.AnswerTo("grad-W0")!.Value![1, 1]);
        Assert.Equal(Math.PI + 2, file.AnswerTo("w-next")!.Value!.Data[1]);
    }

    [Theory]
    [InlineData("answers: {q: 1}\n", "needs 'assignment")]
    [InlineData("- 1\n", "is a mapping")]
    [InlineData("assignment: t\nanswers: [1, 2]\n", "answers must be a mapping")]
    [InlineData("assignment: t\nanswers: {q: [1, 2\n", "YAML syntax")]
    [InlineData("", "empty")]
    public void A_file_that_is_not_an_answer_file_is_rejected(string text, string message)
    {
        var result = AnswerFileReader.Read(text, "a.yaml");
        Assert.Null(result.File);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(message));
    }

    [Fact]
    public void Answers_as_NumPy_and_MATLAB_print_them_are_lists()
    {
        const string Yaml = "assignment: t\nanswers:\n  a: [1 -2]\n  b: [[1 2] [3 4]]\n  c: [[ 1.  2.]\n      [ 3. -4.]]\n  d: \"[-0.0559 -0.1049]\"\n  e: [1 - 2]\n  f: [pi/2 + 4, pi + 2]\n";
        var file = AnswerFileReader.Read(Yaml, "a.yaml").File!;
        Assert.Equal([1.0, -2.0], file.AnswerTo("a")!.Value!.Data);
        Assert.Equal([2, 2], file.AnswerTo("b")!.Value!.Shape);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], file.AnswerTo("b")!.Value!.Data);
        Assert.Equal([1.0, 2.0, 3.0, -4.0], file.AnswerTo("c")!.Value!.Data);
        Assert.Equal([-0.0559, -0.1049], file.AnswerTo("d")!.Value!.Data);
        Assert.Equal([-1.0], file.AnswerTo("e")!.Value!.Data);
        Assert.Equal([(Math.PI / 2) + 4, Math.PI + 2], file.AnswerTo("f")!.Value!.Data);
    }

    [Fact]
    public void A_decimal_comma_is_an_invalid_answer_asking_for_a_point()
    {
        var answer = AnswerFileReader.Read("assignment: t\nanswers:\n  q: 1,5\n", "a.yaml").File!.AnswerTo("q")!;
        Assert.Null(answer.Value);
        Assert.Contains("use a decimal point (1.5)", answer.Error);
        Assert.Contains("line 3, column 7", answer.Error);
    }

    [Fact]
    public void Unknown_keys_are_warnings()
    {
        var file = AnswerFileReader.Read("assignment: t\nname: Ada\nanswers: {q: 1}\n", "a.yaml").File!;
        Assert.Contains(file.Warnings, w => w.Contains("unknown key 'name'"));
    }

    [Fact]
    public void A_tower_of_powers_is_an_invalid_answer_not_a_crash()
    {
        var answer = AnswerFileReader.Read("assignment: t\nanswers:\n  q: 10^10^10\n", "a.yaml").File!.AnswerTo("q")!;
        Assert.Null(answer.Value);
        Assert.Contains("not a finite number", answer.Error);
    }

    [Fact]
    public void A_ten_level_nested_list_is_an_invalid_answer()
    {
        var nested = new string('[', 10) + "1" + new string(']', 10);
        var answer = AnswerFileReader.Read($"assignment: t\nanswers:\n  q: {nested}\n", "a.yaml").File!.AnswerTo("q")!;
        Assert.Null(answer.Value);
        Assert.Contains("at most 8 axes", answer.Error);
    }

    [Fact]
    public void A_50_MB_file_is_rejected_before_it_is_parsed()
    {
        var bytes = new byte[50 * 1024 * 1024];
        Array.Fill(bytes, (byte)'1');
        var result = AnswerFileReader.Read(bytes, "big.yaml");
        Assert.Null(result.File);
        Assert.Contains("the limit is", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void An_alias_bomb_is_rejected()
    {
        var sb = new StringBuilder("assignment: t\nanswers:\n  a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            sb.Append($"  {c}: &{c} [{string.Join(", ", Enumerable.Repeat("*" + (char)(c - 1), 10))}]\n");
        }

        var result = AnswerFileReader.Read(sb.ToString(), "bomb.yaml");
        Assert.Null(result.File);
        Assert.Contains("expands to more than", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Binary_content_is_rejected()
    {
        var result = AnswerFileReader.Read([0xff, 0xfe, 0x00, 0x41], "bin.yaml");
        Assert.Null(result.File);
        Assert.Contains("not UTF-8", Assert.Single(result.Diagnostics).Message);
    }

    [Theory]
    // a field whose grid had a cell left empty: the message says which cell, and gives no column of a text the student never typed
    [InlineData("dL-dW", "[[1, -1.5], [, 2e-1]]", "cannot read dL-dW: row 2, column 1 is empty; write a number in every cell")]
    [InlineData("scores", "[1, , 3]", "cannot read scores: element 2 of the list is empty; write a number in it")]
    public void An_empty_cell_of_a_field_is_named_by_row_and_column(string id, string text, string error)
    {
        Assert.Equal(error, AnswerFileReader.ReadField(id, text).Error);
    }

    // column 17: the comma after "[" in "  q: \"[[1, 2], [, 4]]\"", counted from 1 along the line
    [Fact]
    public void An_empty_element_of_a_quoted_answer_in_a_file_keeps_its_line_and_column()
    {
        var file = AnswerFileReader.Read("assignment: a\nstudent: s\nanswers:\n  q: \"[[1, 2], [, 4]]\"\n", "a.yaml").File!;
        Assert.Equal("cannot read the answer: row 2, column 1 is empty; write a number in every cell (line 4, column 17)", file.Answers.Single().Error);
    }
}
