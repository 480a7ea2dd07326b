namespace Grader.Domain.Grading;

/// <summary>
/// A TA's score for one question of a submission, with the automatic score it replaced, the comment, who and when.
/// <see cref="GroupKey"/>: given for an answer group's score, which applies only while the answer is
/// still wrong and in that group (see <see cref="AnswerGroups"/>); null for a TA's own score of this submission.
/// </summary>
public sealed record ScoreOverride(string QuestionId, double Score, double AutoScore, string Comment, string By, DateTime At, string? GroupKey = null);
