namespace Grader.Worker.Hardening;

/// <summary>
/// Endpoint metadata of a route that takes answer files: its over-size bodies are drained up to
/// <see cref="ServiceLimits.MaxDrainedBodyBytes"/> instead of cutting the connection (see
/// <see cref="BodyAllowance"/>).
/// </summary>
public sealed record DrainedBody;
