namespace Grader.Worker.Operations;

/// <summary>
/// The setting <c>Grader:LogFormat</c>: <c>text</c> (the default, the console's plain lines) or
/// <c>json</c> (the console JSON formatter: one object a line, the message's structured fields
/// such as <c>SubmissionId</c>, <c>Assignment</c> and <c>Student</c> under <c>State</c>).
/// </summary>
public static class LogFormat
{
    /// <summary>The setting's key.</summary>
    public const string Key = "Grader:LogFormat";

    /// <summary>Plain text lines (the default).</summary>
    public const string Text = "text";

    /// <summary>One JSON object a line.</summary>
    public const string Json = "json";

    /// <summary>Applies the setting to the builder's console log; throws (exit 4 at <c>serve</c>) for any other value.</summary>
    public static void Apply(IHostApplicationBuilder builder)
    {
        var value = builder.Configuration[Key]?.Trim();
        switch (value?.ToLowerInvariant())
        {
            case null or "" or Text:
                return;
            case Json:
                builder.Logging.AddJsonConsole(o =>
                {
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                return;
            default:
                throw new InvalidOperationException($"{Key} is '{Hardening.LogText.Escape(value, 40)}'; it must be text or json");
        }
    }
}
