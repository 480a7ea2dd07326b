namespace Grader.Bench;

/// <summary>
/// The PostgreSQL phase: one node and two nodes end to end on one server, and the server's own
/// commit rates; <see cref="Note"/> says why it was not run.
/// </summary>
public sealed record PostgresFigures(EndToEndResult OneNode, EndToEndResult Closed, double SingleRowCommitsPerSecond, double BatchedRowsPerSecond, string? Note)
{
    /// <summary>One node at the offered rate (open loop), after its closed loop.</summary>
    public EndToEndResult OneNodeOffered { get; init; } = EndToEndResult.None;

    /// <summary>The server's activity during <see cref="OneNodeOffered"/> (the benchmark's own reads included).</summary>
    public PostgresActivity OneNodeOfferedActivity { get; init; } = PostgresActivity.None;

    /// <summary>The server's activity during <see cref="OneNode"/>.</summary>
    public PostgresActivity OneNodeActivity { get; init; } = PostgresActivity.None;

    /// <summary>The server's activity during <see cref="Closed"/> (two nodes).</summary>
    public PostgresActivity ClosedActivity { get; init; } = PostgresActivity.None;

    /// <summary>Two nodes' graded/s over one node's, within each pair of runs (one node, then two).</summary>
    public IReadOnlyList<double> TwoNodesOverOneRuns { get; init; } = [];

    /// <summary>The median of <see cref="TwoNodesOverOneRuns"/> (NaN when not run).</summary>
    public double TwoNodesOverOne => TwoNodesOverOneRuns.Count == 0 ? double.NaN : TwoNodesOverOneRuns.Order().ElementAt(TwoNodesOverOneRuns.Count / 2);
}
