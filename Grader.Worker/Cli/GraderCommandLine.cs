using System.CommandLine;

namespace Grader.Worker.Cli;

/// <summary>The command line of the Grader.Worker executable: one verb per task.</summary>
public static class GraderCommandLine
{
    /// <summary>Parses the arguments and runs the verb, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("Grader: grades neural-network homework against answer keys computed by a reference engine.")
        {
            ValidateCommand.Create(console),
            KeyCommand.Create(console),
            GradeCommand.Create(console),
        };
        var config = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(config);
    }
}
