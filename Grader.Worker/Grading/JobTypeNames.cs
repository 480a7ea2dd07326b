using Hangfire.Common;

namespace Grader.Worker.Grading;

/// <summary>
/// The names Hangfire stores the job classes under. PostgreSQL keeps each queued job's type name,
/// and a node upgraded mid-queue must still run what an older node queued (and the reverse), so
/// the job classes keep the names they had in <c>Grader.Worker.Service</c>; every other type is
/// named as Hangfire's simple assembly-name serializer names it.
/// </summary>
public static class JobTypeNames
{
    private static readonly Dictionary<Type, string> Stored = new()
    {
        [typeof(GradeSubmissionsJob)] = "Grader.Worker.Service.GradeSubmissionsJob, Grader.Worker",
        [typeof(RequeueOrphansJob)] = "Grader.Worker.Service.RequeueOrphansJob, Grader.Worker",
    };

    private static readonly Dictionary<string, Type> Resolved = Stored.ToDictionary(e => e.Value, e => e.Key, StringComparer.Ordinal);

    /// <summary>The stored name of a type.</summary>
    public static string Serialize(Type type) => Stored.TryGetValue(type, out var name) ? name : TypeHelper.SimpleAssemblyTypeSerializer(type);

    /// <summary>The type of a stored name.</summary>
    public static Type Resolve(string name) => Resolved.TryGetValue(name, out var type) ? type : TypeHelper.DefaultTypeResolver(name);
}
