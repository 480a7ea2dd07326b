using System.Buffers;

namespace Grader.Worker.Intake;

/// <summary>
/// The one reader of a submitted file, whatever way it comes (an API body, a student's upload,
/// an inbox file): it reads at most the limit and stops there, so an over-size file is never
/// held in memory, and reports whether there was more.
/// </summary>
public static class SizeLimitedReader
{
    /// <summary>Reads at most <paramref name="limit"/> bytes; Over (and no content) when the stream holds more (the rest is not read).</summary>
    public static async Task<(byte[] Content, bool Over)> ReadAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return ([], true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>Bytes made here (a student's answer form written as a file), held to the same limit.</summary>
    public static (byte[] Content, bool Over) Of(byte[] content, long limit) => content.LongLength > limit ? ([], true) : (content, false);

    /// <summary>Reads a file the same way (its size is not trusted: a file may grow while it is read).</summary>
    public static async Task<(byte[] Content, bool Over)> ReadFileAsync(string path, long limit, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return await ReadAsync(stream, limit, ct);
    }
}
