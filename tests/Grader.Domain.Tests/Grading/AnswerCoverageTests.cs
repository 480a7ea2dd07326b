using Grader.Domain.Grading;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Grading;

/// <summary>An answer file that answers no question of its assignment is refused before grading, with the ids it probably meant.</summary>
public class AnswerCoverageTests
{
    [Theory]
    [InlineData("answers:\n  forward: 0.3\n", null)]
    [InlineData("answers:\n  forwrd: 0.3\n  dL_dx3: 1\n", "none of the answers matches a question of tanh-network (did you mean 'forwrd' → 'forward', 'dL_dx3' → 'dL-dx3'?)")]
    [InlineData("answers:\n  zzz: 1\n", "none of the answers matches a question of tanh-network (its questions: x1, x2, forward, loss, dL-dx3")]
    [InlineData("answers:\n", "the answer file has no answers for tanh-network")]
    public void A_file_answering_nothing_is_refused(string answers, string? refusal)
    {
        var read = AnswerFileReader.Read("assignment: tanh-network\nstudent: s\n" + answers, "a.yaml");
        var problem = AnswerCoverage.Problem(Keys.Load("tanh-network"), read.File!);
        if (refusal is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(refusal, problem);
        }
    }

    [Theory]
    // the rest of a tanh-network file (from line 3), the warnings its report carries ("|" between two)
    [InlineData("answers:\n  forward: 0.3\n", "")]
    [InlineData("answers:\n  forward: 0.3\n  Loss: 1\n", "line 5: unknown question id 'Loss' ignored (did you mean 'loss'?)")]
    [InlineData("answers:\n  dl-dx3: 1\n  forward: 0.3\n", "line 4: unknown question id 'dl-dx3' ignored (did you mean 'dL-dx3'?)")]
    [InlineData("answers:\n  forward: 0.3\n  zzz: 1\n", "line 5: unknown question id 'zzz' ignored")]
    [InlineData("extra: 1\nanswers:\n  forward: 0.3\n  X1: 1\n", "line 3: unknown key 'extra' ignored|line 6: unknown question id 'X1' ignored (did you mean 'x1'?)")]
    public void The_warnings_of_a_file_are_those_its_report_carries(string answers, string expected)
    {
        var assignment = Keys.Load("tanh-network");
        var file = AnswerFileReader.Read("assignment: tanh-network\nstudent: s\n" + answers, "a.yaml").File!;
        var warnings = AnswerCoverage.Warnings(assignment, file);
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), warnings);
        Assert.Equal(warnings, AnswerGrader.Grade(assignment, file).Warnings);
    }

    [Fact]
    public void A_file_written_by_the_answer_page_names_an_unknown_id_as_a_field_not_a_line()
    {
        var file = AnswerFileReader.Read(
            AnswerFileReader.FromFieldsMarker + "\nassignment: \"tanh-network\"\nstudent: \"s\"\nanswers:\n  \"forward\": \"0.3\"\n  \"Forward\": \"0.3\"\n", "form").File!;
        Assert.True(file.FromFields);
        Assert.Equal(["unknown question id 'Forward' (a field of the answer page) ignored (did you mean 'forward'?)"], AnswerCoverage.Warnings(Keys.Load("tanh-network"), file));
    }
}
