using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Hardening;

/// <summary>
/// Kestrel's socket transport, accepting only while the <see cref="ConnectionGate"/> has room:
/// connections past it stay in the kernel's backlog (where they hold no descriptor of this
/// process) until earlier ones end.
/// </summary>
public sealed class GatedListenerFactory(IOptions<SocketTransportOptions> options, ILoggerFactory loggers, ConnectionGate gate)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    private readonly SocketTransportFactory sockets = new(options, loggers);

    /// <inheritdoc />
    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        new Listener(await sockets.BindAsync(endpoint, cancellationToken), gate);

    /// <inheritdoc />
    public bool CanBind(EndPoint endpoint) => sockets.CanBind(endpoint);

    private sealed class Listener(IConnectionListener inner, ConnectionGate gate) : IConnectionListener
    {
        private readonly CancellationTokenSource unbound = new();

        public EndPoint EndPoint => inner.EndPoint;

        public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, unbound.Token);
            try
            {
                await gate.WaitForRoomAsync(either.Token);
            }
            catch (OperationCanceledException) when (unbound.IsCancellationRequested)
            {
                return null;
            }

            ConnectionContext? connection;
            try
            {
                connection = await inner.AcceptAsync(cancellationToken);
            }
            catch
            {
                gate.Unused();
                throw;
            }

            if (connection is null)
            {
                gate.Unused();
                return null;
            }

            gate.Accept(connection);
            return connection;
        }

        public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
        {
            unbound.Cancel();
            return inner.UnbindAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            unbound.Cancel();
            await inner.DisposeAsync();
            unbound.Dispose();
        }
    }
}
