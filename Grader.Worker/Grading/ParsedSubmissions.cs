using System.Collections.Concurrent;
using Grader.Domain.Grading;

namespace Grader.Worker.Grading;

/// <summary>
/// Answer files already parsed at intake, handed to the grading job so each file is parsed once.
/// Bounded; after a restart (or when full) the job parses the stored bytes instead.
/// </summary>
public sealed class ParsedSubmissions
{
    /// <summary>The most files kept.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<long, AnswerFile> files = new();

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, on each intake.
    private int count;

    /// <summary>Keeps a parsed file for a submission, unless the cache is full.</summary>
    public void Keep(long id, AnswerFile file)
    {
        if (Interlocked.Increment(ref count) <= Capacity && files.TryAdd(id, file))
        {
            return;
        }

        Interlocked.Decrement(ref count);
    }

    /// <summary>Takes (and forgets) the parsed file of a submission, or null.</summary>
    public AnswerFile? Take(long id)
    {
        if (!files.TryRemove(id, out var file))
        {
            return null;
        }

        Interlocked.Decrement(ref count);
        return file;
    }
}
