using System.CommandLine;
using Grader.Worker.Service;

namespace Grader.Worker.Cli;

/// <summary>The command line of the Grader.Worker executable: one verb per task; no verb is <c>serve</c>.</summary>
public static class GraderCommandLine
{
    /// <summary>Parses the arguments and runs the verb, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] == "serve")
        {
            // Everything after "serve" is host configuration, e.g. --Grader:Url=http://127.0.0.1:6000.
            return await GraderService.RunAsync(args.Length == 0 ? [] : args[1..]);
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
            ReportCommand.Create(console),
            RosterCommand.Create(console),
            HandoutCommand.Create(console),
        };
        var config = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(config);
    }
}
