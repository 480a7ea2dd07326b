using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Students;
using Microsoft.Extensions.Caching.Memory;

namespace Grader.Worker.Grading;

/// <summary>
/// The answer keys the service grades against, built once per variant and kept (at most
/// <see cref="Capacity"/>, least recently used dropped first). A variant is an assignment
/// version and, when the assignment draws random values, the student (case-folded); an
/// assignment without random values has one key for the whole class. A key is tied to its
/// version, so a new version (a published change, a regrade) is graded against a new key. Each
/// key also carries the values of the mistakes the grader recognises, computed as wrong answers
/// need them. A key built while the ambient evaluation budget ran out is used once, not kept.
/// </summary>
public sealed class AnswerKeys : IDisposable
{
    /// <summary>The most keys kept.</summary>
    public const int Capacity = 4096;

    private readonly MemoryCache keys = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The key of a student's variant of an assignment version.</summary>
    public AnswerKey For(long versionId, Assignment assignment, string? student)
    {
        var variant = (versionId, assignment.HasRandomValues ? StudentIds.Key(student) : null);
        if (keys.TryGetValue(variant, out AnswerKey? kept) && kept is not null)
        {
            return kept;
        }

        var key = AnswerKeyBuilder.Build(assignment, assignment.HasRandomValues ? student : null);
        if (EvaluationBudget.Current?.Exceeded is null)
        {
            keys.Set(variant, key, new MemoryCacheEntryOptions { Size = 1 });
        }

        return key;
    }

    /// <inheritdoc />
    public void Dispose() => keys.Dispose();
}
