namespace Grader.Worker.Intake;

/// <summary>
/// What became of an incoming file: accepted and queued, or rejected with a reason and the HTTP
/// status that says why (400 a bad file, 401 no valid student token, 403 not this token's student).
/// </summary>
public sealed record IntakeResult(long Id, bool Accepted, string? Reason, string ReceiptToken, int RefusedWith = 400)
{
    /// <summary>The path of the submission's report page, opened by its receipt.</summary>
    public string ReportPath => $"/submissions/{Id}?receipt={ReceiptToken}";

    /// <summary>The path of the submission's status (JSON), opened by its receipt.</summary>
    public string StatusPath => $"/api/submissions/{Id}?receipt={ReceiptToken}";
}
