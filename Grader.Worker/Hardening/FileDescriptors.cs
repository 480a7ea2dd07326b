namespace Grader.Worker.Hardening;

/// <summary>
/// The process's limit on open files. Kestrel stops accepting for good when an accept fails for
/// lack of descriptors, so the connection limit is kept below it: running out is then a refused
/// connection, never a dead listener.
/// </summary>
public static class FileDescriptors
{
    /// <summary>Descriptors kept for everything but client connections: database, logs, inbox, assemblies.</summary>
    public const int Reserve = 256;

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

    /// <summary>The configured connection limit, lowered to fit the descriptors there are (at least 16).</summary>
    public static long ConnectionLimit(long configured, long? softLimit) =>
        softLimit is { } soft && configured > soft - Reserve ? Math.Max(16, soft - Reserve) : configured;
}
