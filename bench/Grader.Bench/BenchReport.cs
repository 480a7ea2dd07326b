using System.Globalization;
using System.Text;

namespace Grader.Bench;

/// <summary>The figures of one run, as a table for people and as JSON.</summary>
public sealed record BenchReport(BenchOptions Options, int Cores, double KeysPerSecond, double GradedInProcessPerSecond, EndToEndResult Closed, EndToEndResult Open, double SqliteSingle, double SqliteBatched, PostgresFigures Postgres)
{
    /// <summary>The scale phase's figures, one per database size (empty when not run).</summary>
    public IReadOnlyList<ScaleResult> Scale { get; init; } = [];

    /// <summary>The HTTP path alone (<see cref="HttpFloorBenchmark"/>): requests per second.</summary>
    public double HttpFloorPerSecond { get; init; } = double.NaN;

    /// <summary>The HTTP path alone: the process's CPU (ms) per request, client included.</summary>
    public double HttpFloorCpuMs { get; init; } = double.NaN;

    /// <summary>
    /// The most end to end could grade if storing cost nothing: the HTTP path alone and in-process
    /// grading, each using both cores, paid one after the other for every submission.
    /// </summary>
    public double BoundWithoutStorage => 1 / ((1 / HttpFloorPerSecond) + (1 / GradedInProcessPerSecond));

    /// <summary>The table.</summary>
    public string Table()
    {
        var sb = new StringBuilder();
        void Row(string name, string value, string target = "") => sb.AppendLine($"| {name,-52} | {value,14} | {target,-16} |");
        sb.AppendLine($"| {"measure",-52} | {"value",14} | {"target",-16} |");
        sb.AppendLine($"|{new string('-', 54)}|{new string('-', 16)}|{new string('-', 18)}|");
        Row("answer keys (variants/s)", F(KeysPerSecond), ">= 50,000");
        Row("grading in-process, no storage (submissions/s)", F(GradedInProcessPerSecond));
        Row($"end to end, {Closed.Accepted} submissions: accepted/s", F(Closed.AcceptedPerSecond));
        Row($"end to end, {Closed.Accepted} submissions: graded/s", F(Closed.GradedPerSecond), ">= 3,000");
        if (Closed.RunsGradedPerSecond.Count > 1)
        {
            Row($"end to end: graded/s of each of {Closed.RunsGradedPerSecond.Count} runs (median above)", string.Join(" / ", Closed.RunsGradedPerSecond.Select(F)));
        }

        Row("end to end: p50 / p95 / p99 POST→graded (ms)", $"{F(Closed.P(50))} / {F(Closed.P(95))} / {F(Closed.P(99))}");
        Row("end to end: rejected or failed posts", F(Closed.Errors), "0");
        Row("end to end: \"database is locked\" errors", F(Closed.DatabaseLocked), "0");
        Row("end to end: peak working set (MB)", F(Closed.PeakWorkingSetBytes / 1048576.0), "< 400");
        Row($"offered {F(Options.OfferedRate)}/s for {Options.OfferedDuration.TotalSeconds:0} s: p50 / p99 (ms)", $"{F(Open.P(50))} / {F(Open.P(99))}", "p99 < 50");
        Row("SQLite, one durable row per transaction (rows/s)", F(SqliteSingle));
        Row("SQLite, 200 rows per transaction (rows/s)", F(SqliteBatched));
        Row("end-to-end graded/s ÷ in-process grading/s", (Closed.GradedPerSecond / GradedInProcessPerSecond).ToString("0.00", CultureInfo.InvariantCulture), ">= 0.6");
        Row("end-to-end graded/s ÷ single-row commits/s", (Closed.GradedPerSecond / SqliteSingle).ToString("0.00", CultureInfo.InvariantCulture), ">= 1.5");
        Row("end-to-end graded/s ÷ batched rows/s", (Closed.GradedPerSecond / SqliteBatched).ToString("0.000", CultureInfo.InvariantCulture));
        Row("end to end: the process's CPU ms per submission (client included)", Closed.CpuMsPerSubmission.ToString("0.000", CultureInfo.InvariantCulture));
        Row("HTTP alone, same client and files (requests/s; CPU ms each)", $"{F(HttpFloorPerSecond)}; {HttpFloorCpuMs.ToString("0.000", CultureInfo.InvariantCulture)}");
        Row("HTTP alone then grading, storing free (graded/s)", F(BoundWithoutStorage));
        Row("  that ÷ in-process grading/s (end to end's ceiling)", (BoundWithoutStorage / GradedInProcessPerSecond).ToString("0.00", CultureInfo.InvariantCulture));
        Row("end-to-end graded/s ÷ that ceiling", (Closed.GradedPerSecond / BoundWithoutStorage).ToString("0.00", CultureInfo.InvariantCulture));
        var one = Postgres.OneNode;
        Row($"PostgreSQL, 1 node, {one.Accepted} submissions: graded/s", F(one.GradedPerSecond));
        Row("PostgreSQL, 1 node: p50 / p95 / p99 POST→graded (ms)", $"{F(one.P(50))} / {F(one.P(95))} / {F(one.P(99))}");
        var offered = Postgres.OneNodeOffered;
        Row($"PostgreSQL, 1 node, offered {F(Options.OfferedRate)}/s: p50 / p99 (ms)", $"{F(offered.P(50))} / {F(offered.P(99))}", "p99 < 100");
        Row("PostgreSQL, 1 node, offered: the server's WAL flushes / commits / CPU ms per submission",
            $"{Per(Postgres.OneNodeOfferedActivity.WalFlushes, offered):0.00} / {Per(Postgres.OneNodeOfferedActivity.Commits, offered):0.00} / {Per(Postgres.OneNodeOfferedActivity.Cpu.TotalMilliseconds, offered):0.00}");
        Row("PostgreSQL 1 node ÷ one SQLite node (graded/s)", (one.GradedPerSecond / Closed.GradedPerSecond).ToString("0.00", CultureInfo.InvariantCulture), ">= 0.5");
        var pg = Postgres.Closed;
        Row($"PostgreSQL, 2 nodes, {pg.Accepted} submissions: graded/s", F(pg.GradedPerSecond));
        Row("PostgreSQL, 2 nodes: p50 / p95 / p99 POST→graded (ms)", $"{F(pg.P(50))} / {F(pg.P(95))} / {F(pg.P(99))}");
        Row("PostgreSQL, 2 nodes: rejected or failed posts", F(pg.Errors), "0");
        Row("PostgreSQL, the server's CPU ms per submission: 1 node / 2 nodes (closed loops)", $"{Per(Postgres.OneNodeActivity.Cpu.TotalMilliseconds, one):0.000} / {Per(Postgres.ClosedActivity.Cpu.TotalMilliseconds, pg):0.000}");
        if (one.RunsGradedPerSecond.Count > 1)
        {
            Row($"PostgreSQL, graded/s of each of {one.RunsGradedPerSecond.Count} pairs: 1 node; 2 nodes (medians above)",
                $"{string.Join(" / ", one.RunsGradedPerSecond.Select(F))}; {string.Join(" / ", pg.RunsGradedPerSecond.Select(F))}");
            Row("PostgreSQL 2 nodes ÷ 1 node within each pair", string.Join(" / ", Postgres.TwoNodesOverOneRuns.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))));
        }

        Row("PostgreSQL 2 nodes ÷ 1 node (graded/s; the median pair's)", Postgres.TwoNodesOverOne.ToString("0.00", CultureInfo.InvariantCulture), ">= 0.9");
        Row("PostgreSQL, one durable row per transaction (rows/s)", F(Postgres.SingleRowCommitsPerSecond));
        Row("PostgreSQL, 200 rows per transaction (rows/s)", F(Postgres.BatchedRowsPerSecond));
        Row("PostgreSQL 2-node graded/s ÷ its single-row commits/s", (pg.GradedPerSecond / Postgres.SingleRowCommitsPerSecond).ToString("0.00", CultureInfo.InvariantCulture));
        if (Postgres.Note is not null)
        {
            sb.AppendLine().AppendLine($"PostgreSQL: {Postgres.Note}");
        }

        return sb.ToString();
    }

    /// <summary>The same figures as a JSON-ready object.</summary>
    public object ToJson() => new
    {
        machine = new { cores = Cores, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
        settings = new { submissions = Options.Submissions, keys = Options.Keys, concurrency = Options.Concurrency, offeredRate = Options.OfferedRate, offeredSeconds = Options.OfferedDuration.TotalSeconds, quick = Options.Quick, journal = "wal", synchronous = "full" },
        keysPerSecond = Math.Round(KeysPerSecond),
        gradedInProcessPerSecond = Math.Round(GradedInProcessPerSecond),
        endToEndOverInProcess = Math.Round(Closed.GradedPerSecond / GradedInProcessPerSecond, 3),
        endToEnd = new
        {
            accepted = Closed.Accepted,
            errors = Closed.Errors,
            databaseLocked = Closed.DatabaseLocked,
            acceptedPerSecond = Math.Round(Closed.AcceptedPerSecond),
            gradedPerSecond = Math.Round(Closed.GradedPerSecond),
            runsGradedPerSecond = Closed.RunsGradedPerSecond.Select(r => Math.Round(r)),
            latencyMs = new { p50 = Math.Round(Closed.P(50), 1), p95 = Math.Round(Closed.P(95), 1), p99 = Math.Round(Closed.P(99), 1) },
            peakWorkingSetMB = Math.Round(Closed.PeakWorkingSetBytes / 1048576.0),
            cpuMsPerSubmission = Math.Round(Closed.CpuMsPerSubmission, 3),
            kbWrittenPerSubmission = Math.Round(Closed.BytesWrittenPerSubmission / 1024, 1),
        },
        offeredLoad = new { rate = Options.OfferedRate, accepted = Open.Accepted, errors = Open.Errors, latencyMs = new { p50 = Math.Round(Open.P(50), 1), p95 = Math.Round(Open.P(95), 1), p99 = Math.Round(Open.P(99), 1) } },
        postgres = new
        {
            nodes = 2,
            note = Postgres.Note,
            oneNode = new
            {
                accepted = Postgres.OneNode.Accepted,
                errors = Postgres.OneNode.Errors,
                gradedPerSecond = Math.Round(Postgres.OneNode.GradedPerSecond),
                latencyMs = new { p50 = Math.Round(Postgres.OneNode.P(50), 1), p95 = Math.Round(Postgres.OneNode.P(95), 1), p99 = Math.Round(Postgres.OneNode.P(99), 1) },
                overOneSqliteNode = Math.Round(Postgres.OneNode.GradedPerSecond / Closed.GradedPerSecond, 3),
                runsGradedPerSecond = Postgres.OneNode.RunsGradedPerSecond.Select(r => Math.Round(r)),
                serverCpuMsPerSubmission = Math.Round(Per(Postgres.OneNodeActivity.Cpu.TotalMilliseconds, Postgres.OneNode), 3),
                offered = new
                {
                    rate = Options.OfferedRate,
                    accepted = Postgres.OneNodeOffered.Accepted,
                    errors = Postgres.OneNodeOffered.Errors,
                    latencyMs = new { p50 = Math.Round(Postgres.OneNodeOffered.P(50), 1), p95 = Math.Round(Postgres.OneNodeOffered.P(95), 1), p99 = Math.Round(Postgres.OneNodeOffered.P(99), 1) },
                    walFlushesPerSubmission = Math.Round(Per(Postgres.OneNodeOfferedActivity.WalFlushes, Postgres.OneNodeOffered), 2),
                    commitsPerSubmission = Math.Round(Per(Postgres.OneNodeOfferedActivity.Commits, Postgres.OneNodeOffered), 2),
                    serverCpuMsPerSubmission = Math.Round(Per(Postgres.OneNodeOfferedActivity.Cpu.TotalMilliseconds, Postgres.OneNodeOffered), 3),
                },
            },
            twoNodesOverOne = Math.Round(Postgres.TwoNodesOverOne, 3), // the median of the pairs' ratios
            twoNodesOverOneRuns = Postgres.TwoNodesOverOneRuns.Select(r => Math.Round(r, 3)),
            endToEnd = new
            {
                accepted = Postgres.Closed.Accepted,
                errors = Postgres.Closed.Errors,
                gradedPerSecond = Math.Round(Postgres.Closed.GradedPerSecond),
                runsGradedPerSecond = Postgres.Closed.RunsGradedPerSecond.Select(r => Math.Round(r)),
                serverCpuMsPerSubmission = Math.Round(Per(Postgres.ClosedActivity.Cpu.TotalMilliseconds, Postgres.Closed), 3),
                latencyMs = new { p50 = Math.Round(Postgres.Closed.P(50), 1), p95 = Math.Round(Postgres.Closed.P(95), 1), p99 = Math.Round(Postgres.Closed.P(99), 1) },
            },
            singleRowCommitsPerSecond = Math.Round(Postgres.SingleRowCommitsPerSecond),
            batchedRowsPerSecond = Math.Round(Postgres.BatchedRowsPerSecond),
            endToEndOverSingle = Math.Round(Postgres.Closed.GradedPerSecond / Postgres.SingleRowCommitsPerSecond, 3),
        },
        scale = Scale.Select(s => new
        {
            submissions = s.Submissions,
            homeMs = Math.Round(s.HomeMs, 1),
            assignmentMs = Math.Round(s.AssignmentMs, 1),
            assignmentKB = Math.Round(s.AssignmentKB),
            standingsComputedMs = Math.Round(s.StandingsComputedMs),
            fourTasSeconds = Math.Round(s.FourTasSeconds, 2),
            peakWorkingSetMB = Math.Round(s.PeakWorkingSetMB),
            workingSetMB = Math.Round(s.WorkingSetMB),
            homeOverSmallest = Math.Round(s.HomeMs / Scale[0].HomeMs, 2),
            assignmentOverSmallest = Math.Round(s.AssignmentMs / Scale[0].AssignmentMs, 2),
        }),
        sqlite = new { singleRowCommitsPerSecond = Math.Round(SqliteSingle), batchedRowsPerSecond = Math.Round(SqliteBatched), endToEndOverSingle = Math.Round(Closed.GradedPerSecond / SqliteSingle, 3), endToEndOverBatched = Math.Round(Closed.GradedPerSecond / SqliteBatched, 4) },
        httpAlone = new
        {
            requestsPerSecond = Math.Round(HttpFloorPerSecond),
            cpuMsPerRequest = Math.Round(HttpFloorCpuMs, 3),
            thenGradingPerSecond = Math.Round(BoundWithoutStorage),
            thenGradingOverInProcess = Math.Round(BoundWithoutStorage / GradedInProcessPerSecond, 3),
            endToEndOverThenGrading = Math.Round(Closed.GradedPerSecond / BoundWithoutStorage, 3),
        },
    };

    /// <summary>An amount the server counted over a run, per submission the run accepted.</summary>
    private static double Per(double amount, EndToEndResult run) => run.Accepted > 0 ? amount / run.Accepted : double.NaN;

    private static string F(double v) => double.IsNaN(v) ? "—" : v == Math.Floor(v) && v < 100 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString(v >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);
}
