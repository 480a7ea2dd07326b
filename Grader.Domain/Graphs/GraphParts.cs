namespace Grader.Domain.Graphs;

/// <summary>A graph question's score in its three parts, in points, each with its most.</summary>
public sealed record GraphParts(double Function, double FunctionMax, double Structure, double StructureMax, double Annotations, double AnnotationsMax);
