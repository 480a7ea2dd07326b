using System.Collections.Concurrent;
using Grader.Domain.Grading;

namespace Grader.Worker.Grading;

/// <summary>
/// Answer files already parsed at intake, handed to the grading job so each file is parsed once.
/// Bounded in number and in age: a file not taken within one to two <see cref="Lifetime"/>s is
/// dropped (with several nodes, another node's worker may grade it and never take it here). After
/// a restart, when full, or when dropped, the job parses the stored bytes instead.
/// </summary>
/// <param name="clock">The clock that ages the files (the system's when not given).</param>
public sealed class ParsedSubmissions(TimeProvider? clock = null)
{
    /// <summary>The most files kept.</summary>
    public const int Capacity = 50_000;

    /// <summary>How long a generation of kept files takes new ones; it is dropped one lifetime after that.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly TimeProvider clock = clock ?? TimeProvider.System;
    private readonly Lock rotating = new();
    private Generation current = new((clock ?? TimeProvider.System).GetTimestamp());
    private Generation previous = new(0);

    /// <summary>Keeps a parsed file for a submission, unless the cache is full.</summary>
    public void Keep(long id, AnswerFile file)
    {
        var (young, old) = Current();
        if (Interlocked.Increment(ref young.Count) + Volatile.Read(ref old.Count) <= Capacity && young.Files.TryAdd(id, file))
        {
            return;
        }

        Interlocked.Decrement(ref young.Count);
    }

    /// <summary>Takes (and forgets) the parsed file of a submission, or null.</summary>
    public AnswerFile? Take(long id)
    {
        var (young, old) = Current();
        return TakeFrom(young, id) ?? TakeFrom(old, id);
    }

    private static AnswerFile? TakeFrom(Generation generation, long id)
    {
        if (!generation.Files.TryRemove(id, out var file))
        {
            return null;
        }

        Interlocked.Decrement(ref generation.Count);
        return file;
    }

    /// <summary>The generation taking new files and the one before it, after dropping the one before that if the current one is a lifetime old.</summary>
    private (Generation Young, Generation Old) Current()
    {
        var now = clock.GetTimestamp();
        lock (rotating)
        {
            var age = clock.GetElapsedTime(current.Started, now);
            if (age >= Lifetime)
            {
                previous = age >= Lifetime * 2 ? new Generation(0) : current; // stopped taking files over a lifetime ago: dropped too
                current = new Generation(now);
            }

            return (current, previous);
        }
    }

    /// <summary>Files kept during one lifetime, and how many of them are still there.</summary>
    private sealed class Generation(long started)
    {
        public readonly ConcurrentDictionary<long, AnswerFile> Files = new();
        public readonly long Started = started;
        public int Count;
    }
}
