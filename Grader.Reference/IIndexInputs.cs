namespace Grader.Reference;

/// <summary>An operation some of whose inputs are indices: they select elements and take no gradient.</summary>
internal interface IIndexInputs
{
    /// <summary>True when input <paramref name="input"/> is an index.</summary>
    bool IsIndex(int input);
}
