using System.Diagnostics;
using Grader.Domain.Assignments;

namespace Grader.Bench;

/// <summary>Phase 1: answer keys of many student variants, each assignment parsed once.</summary>
public static class KeyBenchmark
{
    /// <summary>Keys per second over <paramref name="count"/> variants spread over every assignment.</summary>
    public static double Run(Workload workload, int count)
    {
        // Warm up for two seconds so that the JIT's optimised tier is what is measured.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            Parallel.For(0, 1000, i => AnswerKeyBuilder.Build(workload.Assignments[i % workload.Assignments.Count], $"warm-{i}"));
        }

        var watch = Stopwatch.StartNew();
        Parallel.For(0, count, i => AnswerKeyBuilder.Build(workload.Assignments[i % workload.Assignments.Count], $"student-{i}"));
        return count / watch.Elapsed.TotalSeconds;
    }
}
