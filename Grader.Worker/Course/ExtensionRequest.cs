namespace Grader.Worker.Course;

/// <summary>The body of <c>POST /api/assignments/{id}/extensions</c>: the student, their due date (ISO 8601; without an offset, in the course's time zone) and who grants it.</summary>
public sealed record ExtensionRequest(string? Student, string? Due, string? GrantedBy);
