namespace Grader.Data;

/// <summary>
/// One round of <see cref="SqliteCheckpoint.RunAsync"/>: the write-ahead log's length in pages
/// after its passive checkpoint, whether it was then restarted, or the failure.
/// </summary>
public sealed record CheckpointReport(long LogPages, bool Restarted, Exception? Failure);
