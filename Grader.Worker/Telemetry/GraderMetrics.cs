using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Grader.Worker.Telemetry;

/// <summary>
/// The service's own instruments, meter <c>Grader</c>. The meter's scope is this host's
/// <see cref="MeterScope"/>, and the host's metrics read only instruments of its own scope: two
/// hosts in one process (the tests run many) keep their counts apart. Recording is
/// a counter add or a histogram bucket increment: cheap enough for the submission path. The
/// Prometheus names (OpenTelemetry adds the unit and <c>_total</c> suffixes) are in the comments.
/// </summary>
public sealed class GraderMetrics : IDisposable
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "Grader";

    private static readonly double[] SecondsBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private static readonly long[] BatchBuckets = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly Counter<long> accepted;
    private readonly Counter<long> rejected;
    private readonly Counter<long> graded;
    private readonly Histogram<double> gradingDuration;
    private readonly Histogram<double> postToGrade;
    private readonly Histogram<long> commitBatchSize;
    private readonly Meter meter;
    private int liveNodes = 1;

    /// <summary>Creates the instruments; the queue depth gauge reads <paramref name="queue"/> when scraped.</summary>
    public GraderMetrics(MeterScope scope, QueueProbe queue)
    {
        meter = new Meter(new MeterOptions(MeterName) { Scope = scope });

        // grader_submissions_accepted_total
        accepted = meter.CreateCounter<long>("grader.submissions.accepted", null, "Submissions accepted (stored and queued for grading).");

        // grader_submissions_rejected_total{reason}
        rejected = meter.CreateCounter<long>("grader.submissions.rejected", null, "Submissions refused at intake, by reason.");

        // grader_submissions_graded_total{assignment}
        graded = meter.CreateCounter<long>("grader.submissions.graded", null, "Grades stored (first grades and regrades), by assignment.");

        // grader_grading_duration_seconds
        gradingDuration = meter.CreateHistogram("grader.grading.duration", "s", "Time to grade one submission (reading its answers and grading them).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

        // grader_post_to_grade_seconds
        postToGrade = meter.CreateHistogram("grader.post_to_grade", "s", "Time from a submission's receipt to its first grade being committed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

        // grader_commit_batch_size
        commitBatchSize = meter.CreateHistogram("grader.commit.batch_size", null, "Submissions stored by one group commit at intake.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = BatchBuckets });

        // Every series of the fixed labels exists from the start, at 0, so rates and alerts see the first one.
        accepted.Add(0);
        foreach (var reason in RejectReason.All)
        {
            rejected.Add(0, new KeyValuePair<string, object?>("reason", reason));
        }

        // grader_queue_depth (the cluster's: read from the database on scrape, at most once a second)
        meter.CreateObservableGauge("grader.queue.depth", () => queue.DepthOrNull() is { } depth ? [new Measurement<long>(depth)] : Array.Empty<Measurement<long>>(),
            null, "Submissions accepted and not yet graded, in the whole cluster.");

        // grader_live_nodes (as this node last counted them, every 10 s)
        meter.CreateObservableGauge("grader.live_nodes", () => Volatile.Read(ref liveNodes),
            null, "Nodes sharing the database: Hangfire servers with a heartbeat in the last 2 minutes (1 on SQLite).");
    }

    /// <summary>This node counted <paramref name="count"/> live nodes sharing the database (grader_live_nodes).</summary>
    public void LiveNodes(int count) => Volatile.Write(ref liveNodes, count);

    /// <summary>A submission was accepted.</summary>
    public void Accepted() => accepted.Add(1);

    /// <summary>A submission was refused; <paramref name="reason"/> is one of <see cref="RejectReason.All"/>.</summary>
    public void Rejected(string reason) => rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A submission was refused at intake with this message and HTTP status.</summary>
    public void Rejected(string? reason, int status) => Rejected(RejectReason.Of(reason, status));

    /// <summary>The cross-site guard refused a request: counted when it was a submission.</summary>
    public void RefusedCrossSite(HttpRequest request)
    {
        if (HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/submissions", StringComparison.OrdinalIgnoreCase))
        {
            Rejected(RejectReason.CrossSite);
        }
    }

    /// <summary>One submission was graded, its grading started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void GradingTook(long startedTimestamp) => gradingDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);

    /// <summary>
    /// Grades were committed: one per entry, with its assignment, its submission's receipt time and
    /// whether it is the submission's first grade (only first grades count towards post-to-grade).
    /// </summary>
    public void Graded(IEnumerable<(string? Assignment, DateTime ReceivedAt, bool First)> grades)
    {
        var now = DateTime.UtcNow;
        foreach (var (assignment, receivedAt, first) in grades)
        {
            graded.Add(1, new KeyValuePair<string, object?>("assignment", assignment ?? "unknown"));
            if (first)
            {
                postToGrade.Record(Math.Max(0, (now - DateTime.SpecifyKind(receivedAt, DateTimeKind.Utc)).TotalSeconds));
            }
        }
    }

    /// <summary>A group commit at intake stored <paramref name="count"/> submissions.</summary>
    public void Committed(int count) => commitBatchSize.Record(count);

    /// <inheritdoc />
    public void Dispose() => meter.Dispose();
}
