using System.Text;
using Grader.Domain.Yaml;

namespace Grader.Domain;

/// <summary>Reads an input file as UTF-8 text, refusing files over <see cref="Limits.MaxFileBytes"/> before reading them.</summary>
public static class FileText
{
    /// <summary>The text, or null with the reason reported.</summary>
    public static string? Read(string path, DiagnosticBag bag)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                bag.Report(new SourcePosition(1, 1), "file not found");
                return null;
            }

            if (info.Length > Limits.MaxFileBytes)
            {
                bag.Report(new SourcePosition(1, 1), $"file is {info.Length} bytes; the limit is {Limits.MaxFileBytes}");
                return null;
            }

            return Decode(File.ReadAllBytes(path), bag);
        }
        catch (IOException ex)
        {
            bag.Report(new SourcePosition(1, 1), "cannot read the file: " + ex.Message);
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            bag.Report(new SourcePosition(1, 1), "cannot read the file: " + ex.Message);
            return null;
        }
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
