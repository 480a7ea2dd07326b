using System.Text;
using Grader.Domain.Yaml;

namespace Grader.Domain;

/// <summary>Reads an input file as UTF-8 text, refusing files over <see cref="Limits.MaxFileBytes"/> before reading them.</summary>
public static class FileText
{
    /// <summary>
    /// The text, or null with the reason reported. Only regular files are read (a link is followed
    /// to one): an empty entry is refused without opening it, since FIFOs, devices and sockets
    /// also report no length and opening a FIFO would block; reading stops at the limit whatever
    /// the reported length.
    /// </summary>
    public static string? Read(string path, DiagnosticBag bag)
    {
        var (bytes, problem) = ReadBytes(path, Limits.MaxFileBytes);
        if (bytes is null)
        {
            bag.Report(new SourcePosition(1, 1), problem!);
            return null;
        }

        return Decode(bytes, bag);
    }

    /// <summary>
    /// The bytes of a regular file (a link is followed to one) of at most <paramref name="limit"/>
    /// bytes, or null with the reason: missing, a folder, empty or not a regular file (never
    /// opened, so a FIFO cannot block), over the limit (read with a bound, whatever size is reported).
    /// </summary>
    public static (byte[]? Bytes, string? Problem) ReadBytes(string path, long limit)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is null || !target.Exists)
            {
                return (null, Directory.Exists(path) ? "is a folder, not a file" : "file not found");
            }

            if (target.Length == 0)
            {
                return (null, "the file is empty or not a regular file (FIFOs, devices and sockets are not read)");
            }

            if (target.Length > limit)
            {
                return (null, $"file is {target.Length} bytes; the limit is {limit}");
            }

            return ReadBounded(target.FullName, limit) is { } bytes ? (bytes, null) : (null, $"file is over the limit of {limit} bytes");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read the file: " + ex.Message);
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of a file; null when it holds more.</summary>
    public static byte[]? ReadBounded(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return ReadBounded(stream, limit);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of a stream; null when it holds more.</summary>
    public static byte[]? ReadBounded(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Decodes bytes as strict UTF-8 (a BOM is allowed), or null with the reason reported.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag bag)
    {
        if (bytes.Length > Limits.MaxFileBytes)
        {
            bag.Report(new SourcePosition(1, 1), $"input is {bytes.Length} bytes; the limit is {Limits.MaxFileBytes}");
            return null;
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            if (text.Contains('\0'))
            {
                bag.Report(new SourcePosition(1, 1), "the file is binary, not text");
                return null;
            }

            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            bag.Report(new SourcePosition(1, 1), "the file is not UTF-8 text");
            return null;
        }
    }
}
