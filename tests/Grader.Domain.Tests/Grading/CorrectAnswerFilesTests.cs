using Grader.Domain.Grading;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Grading;

/// <summary>
/// Every <c>assignments/answers/NAME.correct.yaml</c> (a correct hand-in, written to a student's
/// precision from an independent computation: PyTorch float64 or the worked material) scores full
/// marks against its assignment's key.
/// </summary>
public class CorrectAnswerFilesTests
{
    public static TheoryData<string> Files =>
        [.. Directory.EnumerateFiles(Path.Combine(Repo.Assignments, "answers"), "*.correct.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void A_correct_hand_in_scores_full_marks(string file)
    {
        var answers = AnswerFileReader.ReadFile(Path.Combine(Repo.Assignments, "answers", file));
        Assert.True(answers.File is not null, string.Join("\n", answers.Diagnostics));
        var report = AnswerGrader.Grade(Keys.Load(answers.File!.AssignmentId), answers.File);
        var wrong = report.Questions.Where(q => q.Score < q.MaxScore).Select(q => $"{q.Id}: {q.Feedback}");
        Assert.True(report.Score == report.MaxScore, $"{file}: {report.Score}/{report.MaxScore}\n{string.Join("\n", wrong)}");
    }
}
