using System.CommandLine;
using System.Text.Json;
using Grader.Domain.Assignments;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>publish [FILE] [--server URL] [--token TOKEN] [--assignments FOLDER]</c>: validates FILE
/// (copying it into the assignments folder when it is elsewhere), or every file in the folder,
/// then asks the running service to re-read the folder. Exit 0 when everything is published (or
/// valid and the service is not running: it reads the folder when it starts), 1 when a file is
/// invalid (its problems printed as <c>file:line:col: message</c>; the previous version stays in force).
/// </summary>
public static class PublishCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("file") { Description = "The assignment file to publish (default: every file in the assignments folder)", Arity = ArgumentArity.ZeroOrOne };
        var server = ServerOption.Create();
        var token = TaTokenOption.Create();
        var folder = new Option<string?>("--assignments") { Description = "The assignments folder (default: the service's, assignments)" };
        var command = new Command("publish", "Validate and publish an assignment file (or the whole assignments folder) to the running service") { file, server, token, folder };
        command.SetAction((r, ct) => RunAsync(r.GetValue(file), r.GetValue(server)!, r.GetValue(token), r.GetValue(folder), console, ct));
        return command;
    }

    /// <summary>Validates and publishes; returns the exit code.</summary>
    public static async Task<int> RunAsync(string? file, string server, string? token, string? assignmentsFolder, CliConsole console, CancellationToken ct)
    {
        var folder = Path.GetFullPath(assignmentsFolder ?? LocalSettings.Options().AssignmentsPath);
        var files = file is not null ? [file] : Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.y*ml").Order(StringComparer.Ordinal).ToList() : [];
        var invalid = 0;
        string? fileId = null;
        foreach (var f in files)
        {
            if (!File.Exists(f))
            {
                console.Error.WriteLine($"{f}:1:1: no such file");
                return 1;
            }

            var (assignment, diagnostics) = AssignmentValidator.ValidateFile(f);
            foreach (var d in diagnostics)
            {
                console.Error.WriteLine(d);
            }

            if (assignment is null)
            {
                invalid++;
            }
            else
            {
                fileId = assignment.Id;
                WarnAboutPastDates(f, assignment, console);
            }
        }

        if (file is not null && invalid > 0)
        {
            console.Error.WriteLine($"{file} was not published; the previous version stays in force");
            return 1;
        }

        // A file copied in with new content is this run's publication even when the service's
        // folder watch reads it before the request below does (it then reports it unchanged).
        string? copiedId = null;
        if (file is not null && !string.Equals(Path.GetDirectoryName(Path.GetFullPath(file)), folder, StringComparison.Ordinal))
        {
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, Path.GetFileName(file));
            if (!File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(File.ReadAllBytes(file)))
            {
                copiedId = fileId;
            }

            var temp = target + ".publishing";
            File.Copy(file, temp, overwrite: true);
            File.Move(temp, target, overwrite: true);
            console.Out.WriteLine($"copied {file} to {target}");
        }

        using var http = TaTokenOption.Client(server, token);

        try
        {
            using var response = await http.PostAsync("/api/assignments/publish", null, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                console.Error.WriteLine($"the service refused the TA token ({(int)response.StatusCode}); pass --token or set GRADER_TA_TOKEN");
                return 1;
            }

            var result = JsonDocument.Parse(body).RootElement;
            foreach (var id in result.GetProperty("published").EnumerateArray())
            {
                console.Out.WriteLine($"published {id.GetString()}");
            }

            if (copiedId is not null && result.TryGetProperty("unchanged", out var unchanged)
                && unchanged.EnumerateArray().Any(u => u.GetString() == copiedId))
            {
                console.Out.WriteLine($"published {copiedId}");
            }

            foreach (var r in result.GetProperty("refused").EnumerateArray())
            {
                console.Error.WriteLine($"refused {r.GetProperty("file").GetString()} ({r.GetProperty("assignment").GetString()}); the previous version stays in force:");
                foreach (var p in r.GetProperty("problems").EnumerateArray())
                {
                    console.Error.WriteLine("  " + p.GetString());
                }
            }

            console.Out.WriteLine($"{result.GetProperty("unchanged").GetArrayLength()} unchanged");
            return response.IsSuccessStatusCode && invalid == 0 ? 0 : 1;
        }
        catch (HttpRequestException ex)
        {
            console.Out.WriteLine($"the grading service at {server} is not running ({ex.Message}); it reads the assignments folder when it starts");
            return invalid == 0 ? 0 : 1;
        }
    }

    /// <summary>A warning when the due date or the end of the late window is already past: students could not submit on time.</summary>
    private static void WarnAboutPastDates(string file, Assignment assignment, CliConsole console)
    {
        var deadlines = assignment.Policy.For(LocalSettings.Options().CourseZone);
        var now = DateTimeOffset.Now;
        if (deadlines.Closes is { } closes && closes < now)
        {
            var what = deadlines.Due is { } due && due < closes ? $"the late window closed on {closes:yyyy-MM-dd HH:mm zzz}, which is" : $"the due date {closes:yyyy-MM-dd HH:mm zzz} is";
            console.Error.WriteLine($"warning: {file}: {what} already past: every submission will be refused as closed");
        }
        else if (deadlines.Due is { } due && due < now)
        {
            console.Error.WriteLine($"warning: {file}: the due date {due:yyyy-MM-dd HH:mm zzz} is already past: submissions count as late");
        }
    }
}
