using System.CommandLine;
using Grader.Worker.Hardening;
using Grader.Worker.Host;

namespace Grader.Worker.Cli;

/// <summary>
/// The command line of the Grader.Worker executable: one verb per task; no verb is <c>serve</c>.
/// Exit codes (see <see cref="ExitCodes"/>): 0 done, 1 bad input, 2 the service cannot be reached,
/// 3 <c>serve</c> cannot listen, 4 <c>serve</c> has invalid settings, 70 an internal error (one line, no stack trace).
/// </summary>
public static class GraderCommandLine
{
    private static readonly string[] HelpWords = ["--help", "-h", "-?", "/?", "help"];

    /// <summary>Parses the arguments and runs the verb, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || (args[0] == "serve" && !args.Skip(1).Any(HelpWords.Contains)))
        {
            // Everything after "serve" is host configuration, e.g. --Grader:Url=http://127.0.0.1:6000.
            return await GraderService.RunAsync(args.Length == 0 ? [] : args[1..], error);
        }

        if (args[0] == "serve")
        {
            output.WriteLine(ServeHelp);
            return ExitCodes.Ok;
        }

        var console = new CliConsole(output, error);
        var root = new RootCommand("Grader: grades neural-network homework against answer keys computed by a reference engine.")
        {
            new Command("serve", "Run the grading service (the default with no verb): HTTP API, inbox, durable queue, SQLite"),
            ValidateCommand.Create(console),
            KeyCommand.Create(console),
            GradeCommand.Create(console),
            SubmitCommand.Create(console),
            RegradeCommand.Create(console),
            PublishCommand.Create(console),
            ExtensionCommand.Create(console),
            OverrideCommand.Create(console),
            ReportCommand.Create(console),
            RosterCommand.Create(console),
            HandoutCommand.Create(console),
            GraphCommand.Create(console),
        };
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(config);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"grader: internal error: {ex.GetType().Name}: {LogText.Escape(ex.Message, 300)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>What <c>serve --help</c> prints.</summary>
    public const string ServeHelp = """
        Usage: Grader.Worker [serve] [--Grader:Name=value ...]

        Runs the grading service: HTTP API, report pages, inbox, durable queue, SQLite.
        Settings come from appsettings.json (section Grader), environment variables
        Grader__Name, or --Grader:Name=value after serve, e.g.
          --Grader:Url=http://127.0.0.1:5080  --Grader:DatabasePath=data/grader.db
          --Grader:Limits:MaxConcurrentConnections=1000  (every bound: docs/operations.md, "Limits")

        Exit codes: 0 stopped normally, 3 cannot listen (address in use or not allowed),
        4 invalid settings, 70 internal error.
        """;
}
