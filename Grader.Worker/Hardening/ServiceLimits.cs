namespace Grader.Worker.Hardening;

/// <summary>
/// The service's bounds on connections, requests and clients, section <c>Grader:Limits</c>
/// (environment variables <c>Grader__Limits__Name</c>). Every bound is listed in docs/operations.md's
/// "Limits" table.
/// </summary>
public sealed class ServiceLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grader:Limits";

    /// <summary>Open connections at once; more are refused (closed at once), never a crash.</summary>
    public long MaxConcurrentConnections { get; set; } = 1000;

    /// <summary>Upgraded (WebSocket) connections at once.</summary>
    public long MaxConcurrentUpgradedConnections { get; set; } = 100;

    /// <summary>How long an idle keep-alive connection is kept open.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a client may take to send its request headers.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The slowest accepted request body, in bytes per second (after a 5 s grace period).</summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>The most bytes of all request headers together.</summary>
    public int MaxRequestHeadersTotalSize { get; set; } = 32 * 1024;

    /// <summary>
    /// The largest request body, in bytes: the submission limit plus room for multipart framing.
    /// Larger bodies are refused with 413 before they are read.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = Domain.Limits.MaxFileBytes + (64 * 1024);

    /// <summary>
    /// On the routes that take answer files, an over-size body up to this many bytes is read to its
    /// end and discarded after the 413 answer (Kestrel's drain), so that a client still sending it
    /// reads the answer instead of a reset connection; a larger one is answered and its connection
    /// closed. Nothing past the submission limit is kept.
    /// </summary>
    public long MaxDrainedBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most fields and files of one form, multipart or URL-encoded (a student's answer form has one field per question).</summary>
    public int MaxFormFields { get; set; } = 256;

    /// <summary>The longest multipart part headers (a file name lives there), in bytes.</summary>
    public int MaxMultipartHeadersBytes { get; set; } = 4096;

    /// <summary>Requests per second per client address, sustained (0 turns the limit off).</summary>
    public int RequestsPerSecondPerClient { get; set; } = 50;

    /// <summary>Requests a client may send at once above the sustained rate.</summary>
    public int RequestBurstPerClient { get; set; } = 200;

    /// <summary>How long grading one submission may take; over it, the questions left are invalid with the reason.</summary>
    public TimeSpan GradingTimeBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the inbox tries a file that fails to be taken in before it is set aside as rejected.</summary>
    public int InboxAttempts { get; set; } = 3;

    /// <summary>The shortest TA token accepted, in characters.</summary>
    public const int MinTaTokenLength = 16;
}
