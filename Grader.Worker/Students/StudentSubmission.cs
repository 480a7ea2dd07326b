using Grader.Data.Entities;

namespace Grader.Worker.Students;

/// <summary>One of a student's own submissions, as their page lists it, with the receipt that opens its report.</summary>
public sealed record StudentSubmission(long Id, string AssignmentId, SubmissionStatus Status, string? Reason, DateTime ReceivedAt, double? Score, double? MaxScore, string ReceiptToken)
{
    /// <summary>The report page, opened by the receipt.</summary>
    public string ReportPath => $"/submissions/{Id}?receipt={ReceiptToken}";

    /// <summary>The status as JSON (<c>GET /api/submissions/{id}?receipt=…</c>), which the page polls until the grade arrives.</summary>
    public string StatusPath => $"/api/submissions/{Id}?receipt={ReceiptToken}";
}
