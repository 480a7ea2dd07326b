namespace Grader.Domain.Grading;

/// <summary>A TA's score for one question of a submission, with the automatic score it replaced, the comment, who and when.</summary>
public sealed record ScoreOverride(string QuestionId, double Score, double AutoScore, string Comment, string By, DateTime At);
