using Grader.Data.Entities;

namespace Grader.Worker.Grading;

/// <summary>
/// One wrong answer to a question of an assignment as the TA sees it: the answer, how many
/// students and which submissions (current grades) gave it, the question's points, and the TA's
/// score for the group in force (null when none).
/// </summary>
public sealed record AnswerGroupView(string Question, string Key, string Answer, int Students, IReadOnlyList<long> Submissions, double MaxScore, AnswerGroupRule? Rule);
