using System.CommandLine;
using System.Net.Http.Json;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>override SUBMISSION QUESTION --score X --comment TEXT [--by NAME] [--server URL] [--token TOKEN]</c>:
/// a TA sets a question's score by hand on the running service; the override is kept with who and
/// when, shown to the student, and survives regrades.
/// </summary>
public static class OverrideCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var submission = new Argument<long>("submission") { Description = "The submission id" };
        var question = new Argument<string>("question") { Description = "The question id" };
        var score = new Option<double>("--score") { Description = "The score (0 to the question's points)", Required = true };
        var comment = new Option<string>("--comment") { Description = "Why, for the student", Required = true };
        var by = new Option<string?>("--by") { Description = "Who (kept in the audit trail; default: ta)" };
        var server = ServerOption.Create();
        var token = TaTokenOption.Create();
        var command = new Command("override", "Set a question's score by hand, with a comment") { submission, question, score, comment, by, server, token };
        command.SetAction((r, ct) => RunAsync(r.GetValue(submission), r.GetValue(question)!, r.GetValue(score), r.GetValue(comment)!, r.GetValue(by), r.GetValue(server)!, r.GetValue(token), console, ct));
        return command;
    }

    /// <summary>Sets it; returns 0, 1 when refused (the reason printed), 2 when the service cannot be reached.</summary>
    public static async Task<int> RunAsync(long submission, string question, double score, string comment, string? by, string server, string? token, CliConsole console, CancellationToken ct)
    {
        using var http = TaTokenOption.Client(server, token);

        try
        {
            using var response = await http.PostAsJsonAsync($"/api/submissions/{submission}/overrides", new { question, score, comment, by }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            (response.IsSuccessStatusCode ? console.Out : console.Error).WriteLine(body);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException ex)
        {
            console.Error.WriteLine($"cannot reach the grading service at {server}: {ex.Message}");
            return 2;
        }
    }
}
