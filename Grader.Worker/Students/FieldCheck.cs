namespace Grader.Worker.Students;

/// <summary>What Check found in one field: empty, unreadable (with the reason), or read with its shape against the expected shape.</summary>
public sealed record FieldCheck(string QuestionId, string Status, string? Given, string? Expected, string Message)
{
    /// <summary>True when the field was read and its shape is the expected one.</summary>
    public bool Ok => Status == "ok";
}
