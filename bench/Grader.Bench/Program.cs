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

    var closed = EndToEndResult.None;
    var open = EndToEndResult.None;
    if (Runs("e2e"))
    {
        await using var service = await EndToEndBenchmark.StartAsync(Path.Combine(folder, "closed"), options.Assignments);
        await service.WarmUpAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 5 : 10));
        closed = await service.RunClosedLoopAsync(files, options.Concurrency);
    }

    if (Runs("offered"))
    {
        await using var service = await EndToEndBenchmark.StartAsync(Path.Combine(folder, "open"), options.Assignments);
        await service.WarmUpAsync(files, options.Concurrency, TimeSpan.FromSeconds(options.Quick ? 5 : 10));
        open = await service.RunOpenLoopAsync(i => files[i % files.Count], options.OfferedRate, options.OfferedDuration);
    }

    var (single, batched) = Runs("sqlite") ? SqliteLimitBenchmark.Run(folder, TimeSpan.FromSeconds(options.Quick ? 2 : 5)) : (double.NaN, double.NaN);
    var report = new BenchReport(options, Environment.ProcessorCount, keys, grading, closed, open, single, batched);
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
