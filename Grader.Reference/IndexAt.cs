namespace Grader.Reference;

/// <summary>One position of an axis (negative from the end); the axis is dropped, as <c>x[i]</c> in PyTorch.</summary>
public sealed record IndexAt(int Index) : IndexItem;
