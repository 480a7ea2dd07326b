namespace Grader.Domain.Graphs;

/// <summary>A graph ready to draw: its nodes (inputs first), its edges from operand to node, and the output node.</summary>
public sealed record GraphPicture(IReadOnlyList<PictureNode> Nodes, IReadOnlyList<(string From, string To)> Edges, string Output);
