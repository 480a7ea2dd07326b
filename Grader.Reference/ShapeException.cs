namespace Grader.Reference;

/// <summary>Raised when tensor shapes do not fit an operation; the message names both shapes.</summary>
public sealed class ShapeException(string message) : Exception(message);
