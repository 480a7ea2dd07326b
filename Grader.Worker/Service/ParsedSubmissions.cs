using System.Collections.Concurrent;
using Grader.Domain.Grading;

namespace Grader.Worker.Service;

/// <summary>
/// Answer files already parsed at intake, handed to the grading job so each file is parsed once.
/// Bounded; after a restart (or when full) the job parses the stored bytes instead.
/// </summary>
public sealed class ParsedSubmissions
{
    /// <summary>The most files kept.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<long, AnswerFile> files = new();

    /// <summary>Keeps a parsed file for a submission, unless the cache is full.</summary>
    public void Keep(long id, AnswerFile file)
    {
        if (files.Count < Capacity)
        {
            files[id] = file;
        }
    }

    /// <summary>Takes (and forgets) the parsed file of a submission, or null.</summary>
    public AnswerFile? Take(long id) => files.TryRemove(id, out var file) ? file : null;
}
