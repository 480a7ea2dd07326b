namespace Grader.Worker.Course;

/// <summary>
/// An assignment file that was refused when last read: its path, the assignment id it names (or
/// its file name when it cannot be read that far), every problem as <c>file:line:col: message</c>,
/// and when. The previous version of that assignment, if any, stays in force.
/// </summary>
public sealed record AssignmentProblem(string File, string AssignmentId, IReadOnlyList<string> Problems, DateTime At);
