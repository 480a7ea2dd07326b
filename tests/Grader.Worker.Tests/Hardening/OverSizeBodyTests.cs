using System.Net.Sockets;
using System.Text;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// A client that sends an over-size answer file whole, as curl and HttpClient do without
/// <c>Expect: 100-continue</c>, reads the 413 answer and keeps its connection: the rest of the
/// body is drained rather than the connection cut mid-send (which the client saw as a broken pipe).
/// A body declared past the drain bound is answered and its connection closed.
/// </summary>
[Collection("service")]
public class OverSizeBodyTests(HostileServiceFixture fixture) : IClassFixture<HostileServiceFixture>
{
    private const int OverLimit = (1 << 20) + (200 * 1024);

    public static TheoryData<string, string, Func<byte[], byte[]>> Bodies => new()
    {
        { "raw, Content-Length", "Content-Type: application/yaml\nContent-Length: {0}", body => body },
        { "raw, chunked", "Content-Type: application/yaml\nTransfer-Encoding: chunked", Chunked },
        { "multipart", "Content-Type: multipart/form-data; boundary=XyZ\nContent-Length: {0}", Multipart },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task An_over_size_file_sent_whole_is_answered_413_and_the_connection_serves_again(string name, string headers, Func<byte[], byte[]> frame)
    {
        var body = frame(Encoding.ASCII.GetBytes(new string('x', OverLimit)));
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, fixture.Service.Http.BaseAddress!.Port);
        var stream = client.GetStream();
        var head = $"POST /api/submissions HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer {TestService.TaToken}\n{string.Format(headers, body.Length)}\n\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n")));
        await stream.WriteAsync(body); // whole, even if the answer comes first: a cut connection fails here
        var (status, answerHead, answer) = await ReadAnswerAsync(stream);
        Assert.True(status == 413, $"{name}: {status} {answer}");
        Assert.Contains("over the size limit of 1048576 bytes", answer);
        Assert.DoesNotContain("Connection: close", answerHead, StringComparison.OrdinalIgnoreCase);

        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        var (again, _, text) = await ReadAnswerAsync(stream);
        Assert.Equal((200, "ok"), (again, text));
    }

    [Fact]
    public async Task A_body_declared_past_the_drain_bound_is_answered_413_and_closed()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, fixture.Service.Http.BaseAddress!.Port);
        var stream = client.GetStream();
        var head = $"POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TestService.TaToken}\r\nContent-Type: application/yaml\r\nContent-Length: {40 << 20}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var (status, _, answer) = await ReadAnswerAsync(stream);
        Assert.True(status == 413, $"{status} {answer}");
        Assert.Contains("over the size limit of 1048576 bytes", answer);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            Assert.Equal(0, await stream.ReadAsync(new byte[1], timeout.Token)); // closed, not waiting for 40 MB
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
    }

    private static byte[] Chunked(byte[] body)
    {
        using var framed = new MemoryStream();
        for (var at = 0; at < body.Length; at += 8192)
        {
            var size = Math.Min(8192, body.Length - at);
            framed.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            framed.Write(body, at, size);
            framed.Write("\r\n"u8);
        }

        framed.Write("0\r\n\r\n"u8);
        return framed.ToArray();
    }

    private static byte[] Multipart(byte[] body) =>
    [
        .. "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\nContent-Type: application/yaml\r\n\r\n"u8.ToArray(),
        .. body,
        .. "\r\n--XyZ--\r\n"u8.ToArray(),
    ];

    /// <summary>Reads one answer: its head, then a Content-Length body or a chunked one.</summary>
    private static async Task<(int Status, string Head, string Body)> ReadAnswerAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            Assert.True(await stream.ReadAsync(one, timeout.Token) == 1, "the connection closed before an answer");
            bytes.Add(one[0]);
        }

        var head = Encoding.ASCII.GetString([.. bytes]);
        var status = int.Parse(head.AsSpan(9, 3));
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } line
            ? int.Parse(line["Content-Length:".Length..].Trim())
            : -1;
        using var body = new MemoryStream();
        if (length >= 0)
        {
            var buffer = new byte[length];
            await stream.ReadExactlyAsync(buffer, timeout.Token);
            body.Write(buffer);
        }
        else
        {
            while (await ReadLineAsync(stream, timeout.Token) is { Length: > 0 } sizeLine && Convert.ToInt32(sizeLine, 16) is var size and > 0)
            {
                var chunk = new byte[size + 2];
                await stream.ReadExactlyAsync(chunk, timeout.Token);
                body.Write(chunk, 0, size);
            }

            await ReadLineAsync(stream, timeout.Token);
        }

        return (status, head, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken ct)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, ct) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }
}
