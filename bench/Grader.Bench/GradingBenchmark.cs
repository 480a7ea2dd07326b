using System.Diagnostics;
using Grader.Domain.Grading;

namespace Grader.Bench;

/// <summary>Phase 2: grading alone, in-process, no storage: read each answer file, build the student's key, grade.</summary>
public static class GradingBenchmark
{
    /// <summary>Submissions graded per second.</summary>
    public static double Run(Workload workload, IReadOnlyList<string> files)
    {
        var byId = workload.Assignments.ToDictionary(a => a.Id);
        void Grade(int i)
        {
            var file = AnswerFileReader.Read(files[i], "bench.yaml").File!;
            AnswerGrader.Grade(byId[file.AssignmentId], file);
        }

        // Warm up for two seconds so that the JIT's optimised tier is what is measured.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(2))
        {
            Parallel.For(0, Math.Min(500, files.Count), Grade);
        }

        var watch = Stopwatch.StartNew();
        Parallel.For(0, files.Count, Grade);
        return files.Count / watch.Elapsed.TotalSeconds;
    }
}
