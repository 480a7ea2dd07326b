using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// A node of a graph's picture: its name, the operation it does (null for an input), whether it
/// is marked wrong, the value and gradient written on its outgoing edge (null: not shown), and
/// the full text for the element's <c>&lt;title&gt;</c>.
/// </summary>
public sealed record PictureNode(string Name, string? Operation, bool IsInput, bool Wrong, Tensor? Value, Tensor? Grad, string Title);
