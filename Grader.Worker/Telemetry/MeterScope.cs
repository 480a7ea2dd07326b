namespace Grader.Worker.Telemetry;

/// <summary>
/// One host's identity for its <see cref="GraderMetrics"/> meter: the host's metrics keep the
/// <c>Grader</c> instruments of this scope and drop those of any other host in the process.
/// </summary>
public sealed class MeterScope;
