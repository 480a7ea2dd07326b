namespace Grader.Worker.Tests.Cli;

/// <summary>Every verb answers --help with its usage line, and docs/service.md shows each of those lines as the command line prints it.</summary>
public class UsageDocTests
{
    private static readonly string ServicePage = File.ReadAllText(Path.Combine(Repo.Root, "docs", "service.md"));

    [Fact]
    public void Every_verb_s_usage_line_is_on_the_service_page()
    {
        var verbs = Commands(Cli.Run("--help").Out);
        Assert.Contains("validate", verbs);
        Assert.Contains("roster", verbs);
        var lines = new List<string>();
        foreach (var verb in verbs.Where(v => v != "serve"))
        {
            var help = Cli.Run(verb, "--help");
            Assert.Equal(0, help.Exit);
            var subcommands = Commands(help.Out);
            lines.AddRange(subcommands.Count == 0 ? [UsageLine(help.Out)] : subcommands.Select(s => UsageLine(Cli.Run(verb, s, "--help").Out)));
        }

        lines.Add(Grader.Worker.Cli.GraderCommandLine.ServeHelp.Split('\n')[0]["Usage: ".Length..].Trim());
        Assert.All(lines, line => Assert.Contains(line, ServicePage));
    }

    [Fact]
    public void Validate_help_is_shown_in_full()
    {
        var (exit, output, _) = Cli.Run("validate", "--help");
        Assert.Equal(0, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var usage = lines.IndexOf("Usage:") + 1;
        lines[usage] = "  " + AsInstalled(lines[usage].Trim());
        Assert.Contains("  Grader.Worker validate <paths>... [options]", lines);
        foreach (var line in lines)
        {
            Assert.Contains(line, ServicePage);
        }
    }

    private static string UsageLine(string help)
    {
        var lines = help.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.IndexOf("Usage:");
        Assert.True(at >= 0 && at + 1 < lines.Count, "no usage in:\n" + help);
        return AsInstalled(lines[at + 1].Trim());
    }

    // In-process the program is the test host; installed, it is Grader.Worker.
    private static string AsInstalled(string usage) => "Grader.Worker" + usage[usage.IndexOf(' ', StringComparison.Ordinal)..];

    private static List<string> Commands(string help)
    {
        var lines = help.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var at = lines.IndexOf("Commands:");
        return at < 0 ? [] : [.. lines.Skip(at + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Where(l => l.Length > 2 && l[2] != ' ').Select(l => l.Trim().Split(' ')[0])];
    }
}
