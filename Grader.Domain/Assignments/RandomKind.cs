namespace Grader.Domain.Assignments;

/// <summary>The distributions a random value may be drawn from.</summary>
public enum RandomKind
{
    /// <summary>Uniform on [lo, hi].</summary>
    Uniform,

    /// <summary>Whole numbers lo..hi inclusive, each equally likely.</summary>
    Integers,

    /// <summary>Normal with a mean and a standard deviation.</summary>
    Normal,

    /// <summary>One of a list of numbers, each equally likely.</summary>
    Choice,
}
