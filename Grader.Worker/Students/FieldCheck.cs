namespace Grader.Worker.Students;

/// <summary>What Check found in one field: empty, unreadable (with the reason), or read with its shape against the expected shape.</summary>
public sealed record FieldCheck(string QuestionId, string Status, string? Given, string? Expected, string Message)
{
    /// <summary>True when the field was read and its shape is the expected one.</summary>
    public bool Ok => Status == "ok";

    /// <summary>For a graph question, the graph as read, drawn (SVG); null otherwise or when it cannot be drawn.</summary>
    public string? Drawing { get; init; }

    /// <summary>The answer as it was read, as TeX (a matrix as a matrix); null when unread, too large or of more than two axes.</summary>
    public string? Preview { get; init; }
}
