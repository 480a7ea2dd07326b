namespace Grader.Domain.Grading;

/// <summary>One wrong answer to a question and who gave it (see <see cref="AnswerGroups"/>).</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Key">The group key (<see cref="AnswerGroups.KeyOf(Grader.Reference.Tensor)"/>).</param>
/// <param name="Answer">The answer as text (the first member's, cut for display).</param>
/// <param name="Members">The ids of the reports that gave it, ascending.</param>
/// <param name="Students">How many distinct students gave it.</param>
public sealed record AnswerGroup(string QuestionId, string Key, string Answer, IReadOnlyList<long> Members, int Students);
