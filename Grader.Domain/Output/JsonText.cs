using System.Buffers;
using System.Text.Json;

namespace Grader.Domain.Output;

/// <summary>JSON text written by a <see cref="Utf8JsonWriter"/> into one growing buffer.</summary>
public static class JsonText
{
    /// <summary>The text <paramref name="write"/> writes, indented or compact.</summary>
    public static string Of(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
