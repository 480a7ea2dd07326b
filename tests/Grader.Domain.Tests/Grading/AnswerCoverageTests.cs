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
}
