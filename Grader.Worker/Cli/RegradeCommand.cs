using System.CommandLine;

namespace Grader.Worker.Cli;

/// <summary><c>regrade &lt;assignment-id&gt; [--server URL]</c>: asks the service to grade every submission of an assignment again.</summary>
public static class RegradeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("assignment-id") { Description = "The assignment whose submissions to grade again" };
        var server = ServerOption.Create();
        var token = TaTokenOption.Create();
        var format = new Option<string>("--format") { Description = "text (a sentence) or json (the service's answer)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("regrade", "Grade every submission of an assignment again against its current version") { id, server, token, format };
        command.SetAction((r, ct) => RunAsync(r.GetValue(id)!, r.GetValue(server)!, r.GetValue(token), console, ct, r.GetValue(format) == "json"));
        return command;
    }

    /// <summary>Asks for the regrade; returns 0 when queued, 1 when refused (an invalid assignment file: its problems are printed), 2 when the service cannot be reached.</summary>
    public static async Task<int> RunAsync(string assignmentId, string server, string? token, CliConsole console, CancellationToken ct, bool json = false)
    {
        using var http = TaTokenOption.Client(server, token);

        try
        {
            using var response = await http.PostAsync($"/api/assignments/{Uri.EscapeDataString(assignmentId)}/regrade", null, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            (response.IsSuccessStatusCode ? console.Out : console.Error).WriteLine(json ? body : Sentence(assignmentId, body));
            if ((int)response.StatusCode == 422 && System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("problems", out var problems))
            {
                foreach (var p in problems.EnumerateArray())
                {
                    console.Error.WriteLine(p.GetString());
                }
            }

            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException ex)
        {
            console.Error.WriteLine($"cannot reach the grading service at {server}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The service's answer as a sentence: how many submissions were queued, or the error.</summary>
    private static string Sentence(string assignmentId, string body)
    {
        try
        {
            var root = System.Text.Json.JsonDocument.Parse(body).RootElement;
            if (root.TryGetProperty("queued", out var queued) && queued.TryGetInt32(out var n))
            {
                return n == 0
                    ? $"{assignmentId} has no submissions to grade again"
                    : $"{n} submission{(n == 1 ? "" : "s")} of {assignmentId} queued to be graded again against its current version";
            }

            return root.TryGetProperty("error", out var error) ? error.GetString() ?? body : body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
