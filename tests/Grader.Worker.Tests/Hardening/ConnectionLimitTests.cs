using System.Net.Sockets;
using Grader.Worker.Tests.Service;
using Grader.Worker.Hardening;

namespace Grader.Worker.Tests.Hardening;

[Collection("service")]
public class ConnectionLimitTests
{
    [Fact]
    public async Task Idle_connections_past_the_limit_are_refused_and_the_service_keeps_serving()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Grader:Limits:MaxConcurrentConnections"] = "20",
        });
        var port = service.Http.BaseAddress!.Port;
        var idle = new List<TcpClient>();
        try
        {
            // Connections past the limit are closed by the server at once: the connect itself may
            // see the reset, or a read sees the end of the stream.
            var closed = 0;
            for (var i = 0; i < 60; i++)
            {
                var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                    idle.Add(client);
                }
                catch (SocketException)
                {
                    client.Dispose();
                    closed++;
                }
            }

            foreach (var client in idle)
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                try
                {
                    if (await client.GetStream().ReadAsync(new byte[1], wait.Token) == 0)
                    {
                        closed++;
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException)
                {
                    closed += ex is IOException ? 1 : 0;
                }
            }

            Assert.InRange(closed, 60 - 20, 60);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }

        // Once the idle ones are gone the service answers again.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Health.AssertServingAsync(service.Http);
                break;
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task A_client_over_its_request_rate_gets_429_in_JSON_and_health_is_not_limited()
    {
        await using var service = await TestService.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Grader:Limits:RequestsPerSecondPerClient"] = "1",
            ["Grader:Limits:RequestBurstPerClient"] = "3",
        });
        var statuses = new List<int>();
        string? refusal = null;
        for (var i = 0; i < 10; i++)
        {
            using var response = await service.Http.GetAsync("/api/assignments");
            statuses.Add((int)response.StatusCode);
            if ((int)response.StatusCode == 429)
            {
                refusal = await response.Content.ReadAsStringAsync();
                Assert.Equal("1", response.Headers.RetryAfter?.ToString());
            }
        }

        Assert.All(statuses.Take(3), s => Assert.Equal(200, s));
        Assert.Contains(429, statuses);
        Assert.Contains("too many requests from your address", refusal);

        // A browser on a page gets the same refusal as a page.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/me");
        page.Headers.Accept.ParseAdd("text/html");
        using var refusedPage = await service.Http.SendAsync(page);
        Assert.Equal(429, (int)refusedPage.StatusCode);
        Assert.Equal("text/html", refusedPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests from your address", await refusedPage.Content.ReadAsStringAsync());
        for (var i = 0; i < 10; i++)
        {
            await Health.AssertServingAsync(service.Http);
        }
    }

    [Theory]
    [InlineData(1000, 20000L, 330L, 1000)]  // room enough: as configured
    [InlineData(1000, 1024L, 200L, 568)]    // a 1,024-descriptor limit: what the 200 in use and the headroom of 256 leave
    [InlineData(1000, 1024L, 330L, 438)]
    [InlineData(1000, 512L, 200L, 56)]
    [InlineData(1000, 1024L, null, 768)]    // in use unknown: the headroom alone
    [InlineData(1000, 100L, 330L, 16)]      // never below 16
    [InlineData(1000, null, 330L, 1000)]    // unknown limit (not Linux)
    public void The_connection_limit_is_what_the_descriptors_in_use_leave_of_the_limit(long configured, long? soft, long? inUse, long expected) =>
        Assert.Equal(expected, FileDescriptors.ConnectionLimit(configured, soft, inUse));

    [Fact]
    public void The_descriptors_in_use_are_counted()
    {
        if (OperatingSystem.IsLinux())
        {
            var before = FileDescriptors.InUse()!.Value;
            using var open = File.OpenRead(typeof(ConnectionLimitTests).Assembly.Location);
            Assert.InRange(FileDescriptors.InUse()!.Value, before + 1, before + 50);
        }
    }

    [Fact]
    public void The_descriptor_limit_of_this_process_is_read()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(FileDescriptors.SoftLimit()!.Value, 64, long.MaxValue);
        }
    }
}
