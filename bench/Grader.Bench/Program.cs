using System.Text.Json;
using Grader.Bench;

var options = BenchOptions.Parse(args);
var folder = Path.Combine(Path.GetTempPath(), "grader-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var workload = Workload.Load(options.Assignments);
    Console.Error.WriteLine($"{workload.Assignments.Count} assignments; {options.Submissions} submissions; {Environment.ProcessorCount} cores");

    bool Runs(string phase) => options.Phases.Contains(phase);
    var keys = Runs("keys") ? KeyBenchmark.Run(workload, options.Keys) : double.NaN;
    var files = Enumerable.Range(0, options.Submissions).Select(workload.AnswerFile).ToList();
    var grading = Runs("grading") ? GradingBenchmark.Run(workload, files) : double.NaN;
    if (Runs("graph"))
    {
        Console.WriteLine($"graph: grading one 30-node annotated graph answer: {GraphBenchmark.Run():0.###} ms (median; target < 5 ms)");
    }

    // The closed loop runs several times, each on a fresh service and database: the figure is the
    // median run (by graded/s), and every run's rate is reported beside it, since a shared host's
    // speed moves from minute to minute.
    var closed = EndToEndResult.None;
    var open = EndToEndResult.None;
    if (Runs("e2e"))
    {
        // An unmeasured pass first: the process's code is compiled at its final tier before any
        // measured run (otherwise the first run carries seconds of JIT on a loaded machine and the
        // runs after it none); each measured run still starts a fresh service and database.
        await using (var warm = await EndToEndBenchmark.StartAsync(Path.Combine(folder, "closed-warm"), options.Assignments))
        {
            await warm.WarmUpAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 2 : 5));
            await warm.RunClosedLoopAsync(files[..Math.Min(files.Count, options.Quick ? 500 : 5000)], options.Concurrency);
        }

        var runs = new List<EndToEndResult>();
        for (var run = 0; run < options.Runs; run++)
        {
            PeakMemory.Settle();
            await using var service = await EndToEndBenchmark.StartAsync(Path.Combine(folder, $"closed{run}"), options.Assignments);
            await service.WarmUpAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 5 : 10));
            runs.Add(await service.RunClosedLoopAsync(files, options.Concurrency));
        }

        closed = runs.OrderBy(r => r.GradedPerSecond).ElementAt(runs.Count / 2) with { RunsGradedPerSecond = [.. runs.Select(r => r.GradedPerSecond)] };
    }

    if (Runs("offered"))
    {
        PeakMemory.Settle();
        await using var service = await EndToEndBenchmark.StartAsync(Path.Combine(folder, "open"), options.Assignments);
        await service.WarmUpAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 5 : 10));
        open = await service.RunOpenLoopAsync(i => files[i % files.Count], options.OfferedRate, options.OfferedDuration);
    }

    var (single, batched) = Runs("sqlite") ? SqliteLimitBenchmark.Run(folder, TimeSpan.FromSeconds(options.Quick ? 2 : 5)) : (double.NaN, double.NaN);
    var (httpFloor, httpFloorCpu) = Runs("sqlite") ? await HttpFloorBenchmark.RunAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 1 : 5)) : (double.NaN, double.NaN);

    // One node, then two nodes, on one PostgreSQL server on the same machine (fsync on), and that server's own commit rate.
    var postgres = new PostgresFigures(EndToEndResult.None, EndToEndResult.None, double.NaN, double.NaN, Runs("postgres") ? Grader.Tests.PostgresServer.Unavailable : "not run");
    if (Runs("postgres") && postgres.Note is null)
    {
        PeakMemory.Settle();
        await using var server = await Grader.Tests.PostgresServer.StartAsync(fsync: true);
        EndToEndResult pgOffered = EndToEndResult.None;
        PostgresActivity pgOfferedActivity = PostgresActivity.None;
        var pgOneRuns = new List<(EndToEndResult Run, PostgresActivity Activity)>();
        var pgTwoRuns = new List<(EndToEndResult Run, PostgresActivity Activity)>();
        // After the warm-up, the tables' statistics as autovacuum gathers them in a running service
        // within its first minute (autovacuum_naptime), which each phase here is shorter than.
        // Without them the stored-standing lookup's generic plan scans the assignment's standings.
        async Task AnalyzeAsync(string database)
        {
            await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString(database));
            await connection.OpenAsync();
            await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        Task<PostgresActivity> ServerActivityAsync() => PostgresActivity.ReadAsync(server.ConnectionString("postgres"), server.ProcessId);
        async Task WarmAsync(EndToEndBenchmark service, string database)
        {
            await service.WarmUpAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 2 : 10));
            await AnalyzeAsync(database);
        }

        async Task<(EndToEndResult, PostgresActivity)> ClosedLoopAsync(EndToEndBenchmark service, IReadOnlyList<string> slice)
        {
            var before = await ServerActivityAsync();
            var run = await service.RunClosedLoopAsync(slice, options.Concurrency);
            return (run, (await ServerActivityAsync()).Since(before));
        }

        // One node and two nodes side by side, as many pairs as end-to-end runs, each pair on fresh databases: both
        // services run at once (one node on one database, two on another), and each closed loop runs in four slices of
        // the files, the two services taking turns, so that the machine's moments (the PostgreSQL server's checkpoints,
        // the other tenants of this machine) fall on both alike: one node's run and then two nodes' gave pairs from 0.70
        // to 1.07. The ratio of two nodes to one is taken within each pair, and the median pair's is reported.
        var slices = options.Quick ? 1 : 4;
        var measured = options.Quick ? files[..Math.Min(1000, files.Count)] : files;
        for (var pair = 0; pair < (options.Quick ? 1 : options.Runs); pair++)
        {
            PeakMemory.Settle();
            await using var one = await EndToEndBenchmark.StartAsync(Path.Combine(folder, $"postgres-one{pair}"), options.Assignments, await server.CreateDatabaseAsync($"grader_one{pair}"), nodes: 1);
            await using var two = await EndToEndBenchmark.StartAsync(Path.Combine(folder, $"postgres{pair}"), options.Assignments, await server.CreateDatabaseAsync($"grader{pair}"), nodes: 2);
            await WarmAsync(one, $"grader_one{pair}");
            await WarmAsync(two, $"grader{pair}");
            var oneParts = new List<(EndToEndResult Run, PostgresActivity Activity)>();
            var twoParts = new List<(EndToEndResult Run, PostgresActivity Activity)>();
            for (var s = 0; s < slices; s++)
            {
                var slice = measured.Skip(s * measured.Count / slices).Take(((s + 1) * measured.Count / slices) - (s * measured.Count / slices)).ToList();
                foreach (var first in s % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    (first ? oneParts : twoParts).Add(await ClosedLoopAsync(first ? one : two, slice));
                }
            }

            pgOneRuns.Add((EndToEndResult.Of([.. oneParts.Select(p => p.Run)]), oneParts.Select(p => p.Activity).Aggregate(PostgresActivity.None, (a, b) => a.Plus(b))));
            pgTwoRuns.Add((EndToEndResult.Of([.. twoParts.Select(p => p.Run)]), twoParts.Select(p => p.Activity).Aggregate(PostgresActivity.None, (a, b) => a.Plus(b))));
            if (pair == 0)
            {
                var before = await ServerActivityAsync(); // the end of the closed loops is the start of the offered run
                pgOffered = await one.RunOpenLoopAsync(i => files[i % files.Count], options.OfferedRate, options.OfferedDuration);
                pgOfferedActivity = (await ServerActivityAsync()).Since(before);
            }

            Console.Error.WriteLine($"postgres pair {pair + 1}: one node {pgOneRuns[^1].Run.GradedPerSecond:0} ({string.Join(" / ", oneParts.Select(p => p.Run.GradedPerSecond.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}), " +
                $"two nodes {pgTwoRuns[^1].Run.GradedPerSecond:0} ({string.Join(" / ", twoParts.Select(p => p.Run.GradedPerSecond.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}) graded/s; " +
                $"commits, WAL flushes and the server's CPU (ms) per submission: one node {Figures(pgOneRuns[^1])}, two nodes {Figures(pgTwoRuns[^1])}");
            static string Figures((EndToEndResult Run, PostgresActivity Activity) r) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(double)r.Activity.Commits / r.Run.Accepted:0.00} / {(double)r.Activity.WalFlushes / r.Run.Accepted:0.00} / {r.Activity.Cpu.TotalMilliseconds / r.Run.Accepted:0.000}");
        }

        (EndToEndResult, PostgresActivity) Median(List<(EndToEndResult Run, PostgresActivity Activity)> runs) =>
            runs.OrderBy(r => r.Run.GradedPerSecond).Select(r => (r.Run with { RunsGradedPerSecond = [.. runs.Select(x => x.Run.GradedPerSecond)] }, r.Activity)).ElementAt(runs.Count / 2);
        var (pgOne, pgOneActivity) = Median(pgOneRuns);
        var (pgClosed, pgClosedActivity) = Median(pgTwoRuns);
        var ratios = pgOneRuns.Zip(pgTwoRuns, (one, two) => two.Run.GradedPerSecond / one.Run.GradedPerSecond).ToList();

        var (pgSingle, pgBatched) = await PostgresLimitBenchmark.RunAsync(await server.CreateDatabaseAsync("limit"), TimeSpan.FromSeconds(options.Quick ? 1 : 5));
        postgres = new PostgresFigures(pgOne, pgClosed, pgSingle, pgBatched, null)
        {
            OneNodeOffered = pgOffered, OneNodeOfferedActivity = pgOfferedActivity, OneNodeActivity = pgOneActivity, ClosedActivity = pgClosedActivity, TwoNodesOverOneRuns = ratios,
        };
    }
    else
    {
        Console.Error.WriteLine($"PostgreSQL phase skipped: {postgres.Note}");
    }

    if (Runs("conv"))
    {
        Console.WriteLine(ConvBenchmark.Table(ConvBenchmark.Run()));
    }

    if (Runs("hostile"))
    {
        Console.WriteLine(HostileBenchmark.Table(await HostileBenchmark.RunAsync(Path.Combine(folder, "hostile"), options.Assignments)));
    }

    List<ScaleResult> scale = [];
    if (Runs("scale"))
    {
        if (options.Phases.Count > 1)
        {
            scale = await ScaleBenchmark.InChildAsync(options);
        }
        else
        {
            PeakMemory.Settle();
            scale = await ScaleBenchmark.RunAsync(Path.Combine(folder, "scale"), workload, options.Assignments, options.ScaleSizes);
            if (options.ScaleOut is { } output)
            {
                await File.WriteAllTextAsync(output, JsonSerializer.Serialize(scale));
                return 0;
            }
        }

        Console.WriteLine(ScaleBenchmark.Table(scale));
    }

    var report = new BenchReport(options, Environment.ProcessorCount, keys, grading, closed, open, single, batched, postgres) { Scale = scale, HttpFloorPerSecond = httpFloor, HttpFloorCpuMs = httpFloorCpu };
    Console.WriteLine(report.Table());
    var json = JsonSerializer.Serialize(report.ToJson(), new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
    if (options.JsonPath is not null)
    {
        await File.WriteAllTextAsync(options.JsonPath, json);
    }

    Console.WriteLine(json);
    return 0;
}
finally
{
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
    }
}
