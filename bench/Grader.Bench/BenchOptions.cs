namespace Grader.Bench;

/// <summary>Command-line settings of a benchmark run.</summary>
public sealed record BenchOptions(int Submissions, int Keys, int Concurrency, double OfferedRate, TimeSpan OfferedDuration, string? JsonPath, bool Quick, string Assignments, IReadOnlySet<string> Phases, int Runs)
{
    /// <summary>The database sizes of the <c>scale</c> phase (<c>--scale-sizes 2000,20000,60000</c>).</summary>
    public IReadOnlyList<int> ScaleSizes { get; init; } = [2000, 20000, 60000];

    /// <summary>
    /// Where a child process running the scale phase alone writes its results (<c>--scale-out FILE</c>); a run of
    /// several phases runs the scale phase so, in a process of its own (<see cref="ScaleBenchmark.InChildAsync"/>).
    /// </summary>
    public string? ScaleOut { get; init; }

    /// <summary>Every phase, in the order run.</summary>
    public static readonly string[] AllPhases = ["keys", "grading", "graph", "e2e", "offered", "sqlite", "postgres", "hostile", "scale"];

    /// <summary>Parses <c>--quick --n N --keys N --concurrency C --rate R --seconds S --json FILE --assignments DIR --phases a,b --runs R --scale-sizes 2000,20000,60000</c>.</summary>
    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new BenchOptions(
            int.Parse(Value("--n") ?? (quick ? "2000" : "20000")),
            int.Parse(Value("--keys") ?? (quick ? "20000" : "200000")),
            int.Parse(Value("--concurrency") ?? "64"),
            double.Parse(Value("--rate") ?? "200", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? (quick ? "5" : "20"), System.Globalization.CultureInfo.InvariantCulture)),
            Value("--json"),
            quick,
            Value("--assignments") ?? FindAssignments(),
            (Value("--phases")?.Split(',') ?? AllPhases).ToHashSet(),
            int.Parse(Value("--runs") ?? (quick ? "1" : "3")))
        {
            ScaleOut = Value("--scale-out"),
            ScaleSizes = Value("--scale-sizes") is { } sizes ? [.. sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Order()] : [2000, 20000, 60000],
        };
    }

    private static string FindAssignments()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Grader.sln")))
            {
                return Path.Combine(dir.FullName, "assignments");
            }
        }

        return Path.GetFullPath("assignments");
    }
}
