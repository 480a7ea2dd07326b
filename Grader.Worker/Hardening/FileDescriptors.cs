namespace Grader.Worker.Hardening;

/// <summary>
/// The process's open-file limit and the descriptors it already holds. Kestrel stops accepting
/// for good when an accept fails for lack of descriptors, and the rest of the service (the
/// database, the inbox scan) fails with it, so the connection limit is set from what is left of
/// the limit once the service's own descriptors are counted: running out is then a refused
/// connection, never a dead listener.
/// </summary>
public static class FileDescriptors
{
    /// <summary>
    /// Descriptors kept beyond those in use when the limit is set (as Kestrel starts): the
    /// assemblies loaded after it (each holds one; about 200 are open then and 340 once every page
    /// has been served), the database's connections (the file, its WAL and shared memory each), the
    /// inbox scan, Hangfire, buffered request bodies, and a refused connection's own brief accept.
    /// </summary>
    public const int Headroom = 256;

    /// <summary>The fewest connections ever allowed, however low the limit.</summary>
    public const int MinConnections = 16;

    /// <summary>The soft limit on open files (from <c>/proc/self/limits</c>), or null where unknown.</summary>
    public static long? SoftLimit()
    {
        try
        {
            var line = File.Exists("/proc/self/limits")
                ? File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal))
                : null;
            var fields = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields is { Length: > 0 } && long.TryParse(fields[0], out var soft) ? soft : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The descriptors this process holds now (the entries of <c>/proc/self/fd</c>), or null where unknown.</summary>
    public static long? InUse()
    {
        try
        {
            return Directory.Exists("/proc/self/fd") ? Directory.EnumerateFileSystemEntries("/proc/self/fd").LongCount() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The configured connection limit, lowered to what the descriptors left allow: the soft limit
    /// less those in use and <see cref="Headroom"/> (at least <see cref="MinConnections"/>).
    /// </summary>
    public static long ConnectionLimit(long configured, long? softLimit, long? inUse)
    {
        if (softLimit is not { } soft)
        {
            return configured;
        }

        var left = soft - (inUse ?? 0) - Headroom;
        return Math.Max(MinConnections, Math.Min(configured, left));
    }
}
