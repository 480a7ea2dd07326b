namespace Grader.Worker.Access;

/// <summary>
/// Who may call a route. Every endpoint carries exactly one (as <see cref="AccessRuleMetadata"/>),
/// from the route group it is mapped in (<see cref="AccessGroups.MapAccessGroup"/>); the group's
/// check is <see cref="AccessGate.CheckAsync"/>. A new rule is a value here and its case there.
/// </summary>
public enum AccessRule
{
    /// <summary>Open to everyone: <c>/health*</c>, the personal link <c>/s/{token}</c>, sign-out.</summary>
    Anyone,

    /// <summary>The TA token (bearer, the <c>grader_ta</c> cookie or <c>?token=</c>); a signed-in student gets 403, anyone else 401.</summary>
    Ta,

    /// <summary>The signed-in student (bearer token, sign-in cookie, or a form's <c>token</c> field).</summary>
    Student,

    /// <summary>The TA token, or the receipt of the one submission asked for (<c>GET /api/submissions/{id}</c>).</summary>
    TaOrReceipt,

    /// <summary>
    /// The report page: the TA token, the submission's receipt, or its own student signed in
    /// (bearer token or sign-in cookie; whose submission it is is checked where it is read). A TA
    /// opening it with <c>?token=</c> is redirected without it.
    /// </summary>
    TaReceiptOrOwner,

    /// <summary>The submission's own student, signed in, or the holder of its receipt; not the TA token (regrade requests).</summary>
    ReceiptOrOwner,

    /// <summary>
    /// <c>POST /api/submissions</c>: anyone in open mode (no class list), else a student's token or
    /// the TA token. Which student a file may be for is intake's check, as it needs the file.
    /// </summary>
    Submitter,

    /// <summary>
    /// <c>GET /metrics</c>: the TA token (bearer), or a client address listed in
    /// <c>Grader:Metrics:ScrapeAddresses</c>; checked by the scrape endpoint's own pipeline
    /// (<c>Operations/MetricsAccess</c>), as it must answer a scraper that holds no token.
    /// </summary>
    TaOrScraper,
}
