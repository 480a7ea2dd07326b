namespace Grader.Domain;

/// <summary>
/// Bounds that keep hostile input from exhausting time or memory. Every input is checked
/// against them before it is parsed or evaluated further.
/// </summary>
public static class Limits
{
    /// <summary>The largest assignment or answer file read, in bytes (1 MiB).</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>The most YAML nodes a document may expand to, aliases counted at full size.</summary>
    public const int MaxYamlNodes = 200_000;

    /// <summary>The deepest nesting of YAML collections.</summary>
    public const int MaxYamlDepth = 32;

    /// <summary>The longest expression, in characters.</summary>
    public const int MaxExpressionLength = 20_000;

    /// <summary>The deepest nesting of an expression.</summary>
    public const int MaxExpressionDepth = 48;

    /// <summary>The most elements one tensor may hold.</summary>
    public const int MaxTensorElements = 1_000_000;

    /// <summary>The most axes one tensor may have.</summary>
    public const int MaxTensorRank = 8;

    /// <summary>
    /// The most tensor elements one evaluation budget may produce in all (every intermediate
    /// result counted): one answer file, one answer key, or one submission's grading (16 MB of doubles).
    /// </summary>
    public const long MaxEvaluationElements = 2_000_000;

    /// <summary>
    /// The most multiply-adds one evaluation budget may spend (a matrix product (m,n)@(n,k) costs
    /// m·n·k, a convolution outputs·C·kH·kW, an element-wise operation one per element).
    /// </summary>
    public const long MaxEvaluationWork = 20_000_000;

    /// <summary>The longest student id, in characters.</summary>
    public const int MaxStudentIdLength = 200;
}
