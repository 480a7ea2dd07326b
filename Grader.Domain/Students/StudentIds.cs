namespace Grader.Domain.Students;

/// <summary>
/// How student ids compare: trimmed and case-folded, so <c>Alice </c> and <c>alice</c> are one
/// student (one class-list row, one variant, one gradebook row).
/// </summary>
public static class StudentIds
{
    /// <summary>The key of an id: trimmed and lower-cased (invariant culture).</summary>
    public static string Key(string? id) => (id ?? "").Trim().ToLowerInvariant();

    /// <summary>True when two ids name the same student.</summary>
    public static bool Same(string? a, string? b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);
}
