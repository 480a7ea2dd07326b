using System.CommandLine;
using System.Net.Http.Json;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>extension STUDENT ASSIGNMENT --due DATE [--by NAME] [--server URL] [--token TOKEN]</c>: gives a
/// student their own due date (the late window follows it) on the running service; it must be later
/// than the assignment's. <c>--remove</c> instead of <c>--due</c> takes the extension back.
/// </summary>
public static class ExtensionCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var student = new Argument<string>("student") { Description = "The student id" };
        var assignment = new Argument<string>("assignment") { Description = "The assignment id" };
        var due = new Option<string?>("--due") { Description = "The student's due date, ISO 8601 (2026-12-08T17:00+01:00; without an offset, in the course's time zone), later than the assignment's" };
        var remove = new Option<bool>("--remove") { Description = "Take the student's extension back instead (their due date is the assignment's again)" };
        var by = new Option<string?>("--by") { Description = "Who grants it (kept with the extension; default: ta)" };
        var server = ServerOption.Create();
        var token = TaTokenOption.Create();
        var command = new Command("extension", "Give a student their own due date for an assignment") { student, assignment, due, remove, by, server, token };
        command.SetAction((r, ct) => r.GetValue(remove) == (r.GetValue(due) is not null)
            ? Task.FromResult(Refuse(console))
            : r.GetValue(remove)
                ? RemoveAsync(r.GetValue(student)!, r.GetValue(assignment)!, r.GetValue(server)!, r.GetValue(token), console, ct)
                : RunAsync(r.GetValue(student)!, r.GetValue(assignment)!, r.GetValue(due)!, r.GetValue(by), r.GetValue(server)!, r.GetValue(token), console, ct));
        return command;
    }

    /// <summary>Grants it; returns 0, 1 when refused (the reason printed), 2 when the service cannot be reached.</summary>
    public static async Task<int> RunAsync(string student, string assignmentId, string due, string? by, string server, string? token, CliConsole console, CancellationToken ct)
    {
        using var http = TaTokenOption.Client(server, token);

        try
        {
            using var response = await http.PostAsJsonAsync($"/api/assignments/{Uri.EscapeDataString(assignmentId)}/extensions", new { student, due, grantedBy = by }, ct);
            return await AnswerAsync(response, "extension refused", console, ct);
        }
        catch (HttpRequestException ex)
        {
            console.Error.WriteLine($"cannot reach the grading service at {server}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Takes the student's extension back; returns 0, 1 when refused (the reason printed: e.g. none to take back), 2 when the service cannot be reached.</summary>
    public static async Task<int> RemoveAsync(string student, string assignmentId, string server, string? token, CliConsole console, CancellationToken ct)
    {
        using var http = TaTokenOption.Client(server, token);

        try
        {
            using var response = await http.DeleteAsync($"/api/assignments/{Uri.EscapeDataString(assignmentId)}/extensions/{Uri.EscapeDataString(student)}", ct);
            return await AnswerAsync(response, "extension not removed", console, ct);
        }
        catch (HttpRequestException ex)
        {
            console.Error.WriteLine($"cannot reach the grading service at {server}: {ex.Message}");
            return 2;
        }
    }

    private static int Refuse(CliConsole console)
    {
        console.Error.WriteLine("grader: give --due DATE to grant an extension, or --remove to take it back (not both)");
        return 1;
    }

    private static async Task<int> AnswerAsync(HttpResponseMessage response, string refused, CliConsole console, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            console.Out.WriteLine(body);
            return 0;
        }

        console.Error.WriteLine($"grader: {refused} ({(int)response.StatusCode}): {ErrorOf(body)}");
        return 1;
    }

    /// <summary>The <c>error</c> of a JSON refusal, or the body as it came.</summary>
    private static string ErrorOf(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var e) && e.GetString() is { } error ? error : body;
        }
        catch (System.Text.Json.JsonException)
        {
            return body;
        }
    }
}
