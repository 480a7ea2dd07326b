namespace Grader.Domain.Yaml;

/// <summary>Collects the problems found in one file.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> items = [];

    /// <summary>The file the problems are in.</summary>
    public string File { get; } = file;

    /// <summary>The problems, in the order found.</summary>
    public IReadOnlyList<Diagnostic> Items => items;

    /// <summary>True when nothing was reported.</summary>
    public bool IsEmpty => items.Count == 0;

    /// <summary>Reports a problem at a position.</summary>
    public void Report(SourcePosition at, string message) => items.Add(new Diagnostic(File, at.Line, at.Column, message));

    /// <summary>Reports a problem at a node.</summary>
    public void Report(YNode node, string message) => Report(node.Start, message);
}
