namespace Grader.Worker.Telemetry;

/// <summary>
/// The fixed values of the <c>reason</c> label of <c>grader_submissions_rejected_total</c>, and
/// how a refusal's message and HTTP status map onto them (the messages are the intake's and the
/// course rules'; <c>tests/…/Operations/RejectReasonTests</c> feeds the real ones through).
/// </summary>
public static class RejectReason
{
    /// <summary>Over the size limit (413).</summary>
    public const string TooLarge = "too_large";

    /// <summary>Not an answer file, an empty or malformed upload, no student id, no question answered.</summary>
    public const string Malformed = "malformed";

    /// <summary>The file names an assignment the service does not have.</summary>
    public const string UnknownAssignment = "unknown_assignment";

    /// <summary>A class list exists and no valid student token was sent (401).</summary>
    public const string NoToken = "no_token";

    /// <summary>The file is another student's than the token's (403).</summary>
    public const string WrongStudent = "wrong_student";

    /// <summary>A trusted channel named a student who is not on the class list (403).</summary>
    public const string NotOnList = "not_on_list";

    /// <summary>The assignment is not open yet.</summary>
    public const string NotOpen = "not_open";

    /// <summary>The assignment's submissions are closed.</summary>
    public const string Closed = "closed";

    /// <summary>The student has used every attempt.</summary>
    public const string NoAttempts = "no_attempts";

    /// <summary>A cross-site submission refused by the cross-site guard (403).</summary>
    public const string CrossSite = "cross_site";

    /// <summary>Every value, in the documented order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [TooLarge, Malformed, UnknownAssignment, NoToken, WrongStudent, NotOnList, NotOpen, Closed, NoAttempts, CrossSite];

    /// <summary>The label for a submission refused with <paramref name="reason"/> and HTTP <paramref name="status"/>.</summary>
    public static string Of(string? reason, int status)
    {
        var text = reason ?? "";
        return status switch
        {
            413 => TooLarge,
            401 => NoToken,
            403 when text.StartsWith("the answer file is for student", StringComparison.Ordinal) => WrongStudent,
            403 when text.EndsWith("is not on the class list", StringComparison.Ordinal) => NotOnList,
            _ when text.StartsWith("unknown assignment", StringComparison.Ordinal) => UnknownAssignment,
            _ when text.StartsWith("this assignment opens at", StringComparison.Ordinal) => NotOpen,
            _ when text.StartsWith("submissions are closed", StringComparison.Ordinal) => Closed,
            _ when text.StartsWith("no attempts left", StringComparison.Ordinal) => NoAttempts,
            _ => Malformed,
        };
    }
}
