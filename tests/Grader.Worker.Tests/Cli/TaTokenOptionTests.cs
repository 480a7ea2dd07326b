using System.Diagnostics;
using Grader.Worker.Cli;

namespace Grader.Worker.Tests.Cli;

/// <summary>
/// The verbs' help never prints a token: <c>$GRADER_TA_TOKEN</c> and <c>$GRADER_TOKEN</c> are read
/// when a verb runs, not given as the options' default values (which <c>--help</c> shows). Run as
/// a child process, so that the environment variables touch no other test.
/// </summary>
public class TaTokenOptionTests
{
    [Theory]
    [InlineData("regrade")]
    [InlineData("override")]
    [InlineData("extension")]
    [InlineData("publish")]
    [InlineData("submit")]
    public async Task Help_does_not_print_a_token_from_the_environment(string verb)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", typeof(GraderCommandLine).Assembly.Location, verb, "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GRADER_TA_TOKEN"] = "envsecret-ta-0123456789";
        start.Environment["GRADER_TOKEN"] = "envsecret-student-0123456789";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var text = await output + await error;
        Assert.Contains("--token", text);
        Assert.DoesNotContain("envsecret", text);
    }
}
