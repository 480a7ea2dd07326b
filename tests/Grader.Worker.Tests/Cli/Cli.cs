using Grader.Worker.Cli;

namespace Grader.Worker.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class Cli
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = GraderCommandLine.RunAsync(args, output, error).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }
}
