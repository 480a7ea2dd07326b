using System.CommandLine;
using System.Net.Http.Headers;

namespace Grader.Worker.Cli;

/// <summary>The <c>--token TOKEN</c> option of the TA verbs that talk to a running service, and their client.</summary>
public static class TaTokenOption
{
    /// <summary>
    /// A new option instance. Its default (<c>$GRADER_TA_TOKEN</c>) is read when the verb runs, not
    /// given as the option's default value, which <c>--help</c> would print: a secret in the help text.
    /// </summary>
    public static Option<string?> Create() => new("--token")
    {
        Description = "The TA token (default: $GRADER_TA_TOKEN, else the service's data/ta-token.txt on this machine)",
    };

    /// <summary>A client for <paramref name="server"/> that sends the TA token (the given one, else $GRADER_TA_TOKEN, else this machine's).</summary>
    public static HttpClient Client(string server, string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri(server) };
        token ??= Environment.GetEnvironmentVariable("GRADER_TA_TOKEN") is { Length: > 0 } fromEnvironment ? fromEnvironment : LocalSettings.Token();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
