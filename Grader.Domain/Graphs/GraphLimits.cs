namespace Grader.Domain.Graphs;

/// <summary>Bounds of a graph answer, checked before anything else is read.</summary>
public static class GraphLimits
{
    /// <summary>The most nodes a graph answer may have.</summary>
    public const int MaxNodes = 200;

    /// <summary>The longest node or input name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest line (a node's operation and its annotations).</summary>
    public const int MaxLineLength = 2_000;
}
