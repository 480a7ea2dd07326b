using System.Net;
using System.Net.Sockets;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// A flood of idle connections at a low open-file limit: the service, started under
/// <c>prlimit</c> with both limits at 1,024 or 512, refuses connections past what its descriptors
/// allow instead of running out of them, and answers <c>/health</c> once the flood is gone.
/// </summary>
[Collection("service")]
public class DescriptorFloodTests
{
    [Theory]
    [InlineData(1024)]
    [InlineData(512)]
    public async Task A_flood_of_idle_connections_at_a_low_descriptor_limit_is_refused_and_the_service_lives(int nofile)
    {
        Assert.True(File.Exists("/usr/bin/prlimit"), "prlimit (util-linux) is needed");
        using var dir = new TempDir();
        using var service = await ChildService.StartAsync(dir, launcher: ["prlimit", $"--nofile={nofile}:{nofile}"]);
        var idle = new List<TcpClient>();
        try
        {
            // 1,500 idle connections from this process (its own limit is far higher), 100 at a time.
            for (var batch = 0; batch < 15; batch++)
            {
                var clients = Enumerable.Range(0, 100).Select(_ => new TcpClient()).ToList();
                idle.AddRange(clients);
                await Task.WhenAll(clients.Select(async c =>
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                    try
                    {
                        await c.ConnectAsync(IPAddress.Loopback, service.Port, timeout.Token);
                    }
                    catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                    {
                        // Refused or not accepted in time: what a full server may do.
                    }
                }));
            }

            Assert.False(service.HasExited, $"the service died under the flood: {service.Output}");
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            Assert.False(service.HasExited, $"the service died after the flood: {service.Output}");
            try
            {
                using var short_ = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var health = await service.Http.GetAsync("/health", short_.Token);
                if (health.StatusCode == HttpStatusCode.OK && await health.Content.ReadAsStringAsync() == "ok")
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"/health did not answer within 30 s of the flood closing: {service.Output}");
            await Task.Delay(200);
        }

        // And it still takes a submission.
        using var content = new StringContent(await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");
        using var posted = await service.Http.PostAsync("/api/submissions", content);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }
}
