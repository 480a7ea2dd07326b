using System.Net;
using System.Net.Sockets;
using Grader.Worker.Hardening;
using Grader.Worker.Tests.Service;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// The listener stops accepting while the gate is full, so a flood waits in the kernel's backlog
/// rather than taking the process's descriptors, and accepts again as connections end.
/// </summary>
[Collection("service")]
public class GatedListenerFactoryTests
{
    [Fact]
    public async Task Accepting_pauses_at_the_limit_and_its_allowance_and_resumes_when_a_connection_ends()
    {
        var gate = new ConnectionGate(1, NullLogger.Instance);
        var factory = new GatedListenerFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance, gate);
        await using var listener = await factory.BindAsync(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)listener.EndPoint).Port;
        var room = 1 + ConnectionGate.AcceptAllowance;
        var clients = new List<TcpClient>();
        var accepted = new List<ConnectionContext>();
        try
        {
            for (var i = 0; i < room + 5; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port); // the kernel completes it into the backlog
                clients.Add(client);
            }

            for (var i = 0; i < room; i++)
            {
                accepted.Add((await listener.AcceptAsync())!);
            }

            var next = listener.AcceptAsync().AsTask();
            Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(500)));

            // One connection runs through the gate's middleware and ends: its room comes back.
            await gate.Use(_ => Task.CompletedTask)(accepted[0]);
            var resumed = await next.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.NotNull(resumed);
            accepted.Add(resumed!);
        }
        finally
        {
            foreach (var connection in accepted)
            {
                await connection.DisposeAsync();
            }

            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task The_service_binds_with_the_gated_listener_only()
    {
        await using var service = await TestService.StartAsync();
        var factories = service.Services.GetServices<IConnectionListenerFactory>().ToList();
        Assert.IsType<GatedListenerFactory>(Assert.Single(factories));
        using var health = await service.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
