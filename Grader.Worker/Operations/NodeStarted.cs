namespace Grader.Worker.Operations;

/// <summary>When this node's host was built (for the readiness checks' start-up grace).</summary>
public sealed record NodeStarted(DateTime At);
