namespace Grader.Domain.Networks;

/// <summary>A layer stack whose shapes do not fit together.</summary>
public sealed class ArchitectureException(string message) : Exception(message);
