using Grader.Worker.Course;
namespace Grader.Worker.Grading;

/// <summary>What a regrade did: how many submissions were queued, or the refusal of the assignment's invalid file (nothing queued); both null when the assignment is unknown.</summary>
public sealed record RegradeOutcome(int? Queued, AssignmentProblem? Refused);
