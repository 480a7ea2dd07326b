namespace Grader.Domain;

/// <summary>One problem found in an input file, printed as <c>file:line:col: message</c>.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
