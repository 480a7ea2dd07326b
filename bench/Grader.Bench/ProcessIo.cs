namespace Grader.Bench;

/// <summary>
/// This process's bytes written to storage so far (Linux's <c>/proc/self/io</c>, <c>write_bytes</c>):
/// the pages SQLite's log and checkpoints write, which the machine's speed of the moment does not move.
/// </summary>
public static class ProcessIo
{
    /// <summary>Bytes this process has caused to be written to storage, or null where the kernel does not say.</summary>
    public static long? BytesWritten()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/io"))
            {
                if (line.StartsWith("write_bytes:", StringComparison.Ordinal))
                {
                    return long.Parse(line["write_bytes:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
