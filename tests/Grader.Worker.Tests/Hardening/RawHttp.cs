using System.Net.Sockets;
using System.Text;

namespace Grader.Worker.Tests.Hardening;

/// <summary>Sends bytes no well-behaved client would (a body cut short, a chunk size that overflows) and reads the answer.</summary>
public static class RawHttp
{
    /// <summary>Sends the request head and body as written, and returns the status and body of the answer.</summary>
    public static async Task<(int Status, string Head, string Body)> SendAsync(Uri server, string head, byte[] body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        using var read = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await stream.CopyToAsync(read, timeout.Token);
        }
        catch (IOException)
        {
            // The server may reset once it has answered.
        }

        var text = Encoding.UTF8.GetString(read.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headPart = split < 0 ? text : text[..split];
        var status = headPart.Length > 12 && int.TryParse(headPart.AsSpan(9, 3), out var s) ? s : 0;
        var bodyPart = split < 0 ? "" : text[(split + 4)..];
        if (headPart.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            bodyPart = Dechunk(bodyPart);
        }

        return (status, headPart, bodyPart);
    }

    private static string Dechunk(string chunked)
    {
        var sb = new StringBuilder();
        var at = 0;
        while (at < chunked.Length)
        {
            var end = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (end < 0 || !int.TryParse(chunked.AsSpan(at, end - at), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }

            sb.Append(chunked, end + 2, Math.Min(size, chunked.Length - end - 2));
            at = end + 2 + size + 2;
        }

        return sb.ToString();
    }
}
