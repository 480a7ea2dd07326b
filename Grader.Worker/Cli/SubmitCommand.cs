using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>submit &lt;answers-file&gt; [--server URL] [--token TOKEN] [--wait]</c>: sends an answer file to the
/// service and prints the submission id, its report URL and status URL; with <c>--wait</c>, waits for
/// the grade and prints it. With a class list, <c>--token</c> (or <c>GRADER_TOKEN</c>) is the student's
/// token from their personal link.
/// </summary>
public static class SubmitCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("answers") { Description = "The answer file (YAML or JSON)" };
        var server = ServerOption.Create();
        var wait = new Option<bool>("--wait") { Description = "Wait until graded and print the report" };
        var token = new Option<string?>("--token")
        {
            Description = "Your student token (the end of your personal link /s/TOKEN; default: $GRADER_TOKEN); needed once the course has a class list",
        };
        var command = new Command("submit", "Submit an answer file to the grading service") { file, server, wait, token };
        // $GRADER_TOKEN is read here, not as the option's default value, which --help would print.
        command.SetAction((r, ct) => RunAsync(r.GetValue(file)!, r.GetValue(server)!, r.GetValue(wait), console, ct, r.GetValue(token) ?? Environment.GetEnvironmentVariable("GRADER_TOKEN")));
        return command;
    }

    /// <summary>Submits; returns 0 when accepted (and graded, with --wait), 1 when rejected, 2 when the service cannot be reached or cannot store it now (503: its disk is full).</summary>
    public static async Task<int> RunAsync(string path, string server, bool wait, CliConsole console, CancellationToken ct, string? token = null)
    {
        // Read with a bound: /dev/zero or a FIFO must not be read forever (the service applies its own limit).
        var (bytes, problem) = Domain.FileText.ReadBytes(path, 16 * Domain.Limits.MaxFileBytes);
        if (bytes is null)
        {
            console.Error.WriteLine($"{path}: {problem}");
            return 1;
        }

        using var http = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrWhiteSpace(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        }

        try
        {
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "application/yaml");
            using var response = await http.PostAsync("/api/submissions", content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(body);
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                console.Error.WriteLine($"not stored: {doc.RootElement.GetProperty("error").GetString()}");
                return 2;
            }

            if (!response.IsSuccessStatusCode)
            {
                console.Error.WriteLine($"rejected: {doc.RootElement.GetProperty("error").GetString()}");
                return 1;
            }

            var statusUrl = doc.RootElement.GetProperty("statusUrl").GetString()!;
            console.Out.WriteLine($"submission {doc.RootElement.GetProperty("id").GetInt64()} accepted: {new Uri(http.BaseAddress, statusUrl)}");
            console.Out.WriteLine($"report: {new Uri(http.BaseAddress, doc.RootElement.GetProperty("reportUrl").GetString())}");
            console.Out.WriteLine($"receipt: {doc.RootElement.GetProperty("receipt").GetString()}");
            return wait ? await WaitAsync(http, statusUrl, console, ct) : 0;
        }
        catch (HttpRequestException ex)
        {
            console.Error.WriteLine($"cannot reach the grading service at {server}: {ex.Message}");
            return 2;
        }
    }

    private static async Task<int> WaitAsync(HttpClient http, string statusUrl, CliConsole console, CancellationToken ct)
    {
        for (var i = 0; i < 600; i++)
        {
            var json = await http.GetStringAsync(statusUrl, ct);
            using var doc = JsonDocument.Parse(json);
            var status = doc.RootElement.GetProperty("status").GetString();
            if (status is "graded" or "failed")
            {
                console.Out.WriteLine(json);
                return status == "graded" ? 0 : 1;
            }

            await Task.Delay(200, ct);
        }

        console.Error.WriteLine("not graded after two minutes; ask again later at " + statusUrl);
        return 1;
    }
}
