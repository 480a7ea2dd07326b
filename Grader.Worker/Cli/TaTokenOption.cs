using System.CommandLine;
using System.Net.Http.Headers;

namespace Grader.Worker.Cli;

/// <summary>The <c>--token TOKEN</c> option of the TA verbs that talk to a running service, and their client.</summary>
public static class TaTokenOption
{
    /// <summary>A new option instance (default: <c>$GRADER_TA_TOKEN</c>).</summary>
    public static Option<string?> Create() => new("--token")
    {
        Description = "The TA token (default: $GRADER_TA_TOKEN, else the service's data/ta-token.txt on this machine)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_TA_TOKEN"),
    };

    /// <summary>A client for <paramref name="server"/> that sends the TA token (the given one, else this machine's).</summary>
    public static HttpClient Client(string server, string? token)
    {
        var http = new HttpClient { BaseAddress = new Uri(server) };
        token ??= LocalSettings.Token();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
