namespace Grader.Domain.Reports;

/// <summary>How a class did on one question.</summary>
public sealed record QuestionStatistics(
    string Id,
    double MeanScore,
    double MaxScore,
    double ShareCorrect,
    double SharePartial,
    double ShareIncorrect,
    double ShareMissing,
    double ShareInvalid,
    IReadOnlyList<(string Answer, int Count)> CommonWrongAnswers,
    IReadOnlyList<(string Feedback, int Count)> CommonFeedback);
