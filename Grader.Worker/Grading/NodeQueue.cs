using Hangfire.States;

namespace Grader.Worker.Grading;

/// <summary>
/// The Hangfire queue of the grading jobs for what this node received. With several nodes
/// (PostgreSQL) each node has a queue of its own, which its workers take before the shared one,
/// so a job is graded where intake parsed its files (<see cref="ParsedSubmissions"/>) instead of
/// read back and parsed again on another node. A node that stops or dies leaves its queue to the
/// orphan sweep (<see cref="RequeueOrphansJob"/>), which moves its jobs to the shared queue. With
/// one node (SQLite, Hangfire in memory) it is the shared queue.
/// </summary>
/// <param name="Name">The queue's name (Hangfire's rule: lower-case letters, digits, '-' and '_').</param>
public sealed record NodeQueue(string Name)
{
    /// <summary>How every node's own queue is named: this, then 12 random hexadecimal digits (a new name at every start).</summary>
    public const string Prefix = "node-";

    /// <summary>A node whose Hangfire server has not beaten for this long is taken for dead (Hangfire beats every 30 s).</summary>
    public static readonly TimeSpan DeadAfter = TimeSpan.FromMinutes(2);

    /// <summary>Whether a Hangfire server (a node) is alive at <paramref name="now"/> (UTC): it beat within <see cref="DeadAfter"/>.</summary>
    public static bool IsAlive(Hangfire.Storage.Monitoring.ServerDto server, DateTime now) =>
        server.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < DeadAfter;

    /// <summary>The shared queue every node's workers take from: regrades, the start-up scan, the orphan sweep, a dead node's jobs.</summary>
    public static string Shared => EnqueuedState.DefaultQueue;

    /// <summary>Whether this node's jobs go to the shared queue (one node).</summary>
    public bool IsShared => Name == Shared;

    /// <summary>The queues this node's workers take from, in order.</summary>
    public string[] Served => IsShared ? [Shared] : [Name, Shared];

    /// <summary>A node's own queue on PostgreSQL (several nodes), the shared queue otherwise.</summary>
    public static NodeQueue For(bool severalNodes) => new(severalNodes ? Prefix + Guid.NewGuid().ToString("N")[..12] : Shared);

    /// <summary>Whether a queue is some node's own.</summary>
    public static bool IsNodeQueue(string queue) => queue.StartsWith(Prefix, StringComparison.Ordinal);
}
