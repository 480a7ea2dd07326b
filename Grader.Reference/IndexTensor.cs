namespace Grader.Reference;

/// <summary>
/// A tensor of whole positions of an axis (negative from the end), PyTorch's advanced indexing:
/// the result takes the index's shape in place of the axis; several index tensors are
/// broadcast together and pair up element by element. An index of rank 0 selects as a whole
/// number does (PyTorch's 0-dim integer tensor). The index takes no gradient.
/// </summary>
public sealed record IndexTensor(Node Indices) : IndexItem;
