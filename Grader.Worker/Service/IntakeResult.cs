namespace Grader.Worker.Service;

/// <summary>What became of an incoming file: accepted and queued, or rejected with a reason.</summary>
public sealed record IntakeResult(long Id, bool Accepted, string? Reason, string ReceiptToken);
