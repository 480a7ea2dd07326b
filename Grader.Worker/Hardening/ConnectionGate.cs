using Microsoft.AspNetCore.Connections;

namespace Grader.Worker.Hardening;

/// <summary>
/// The limit on open connections, enforced at the connection: one over it is closed at once (its
/// socket and descriptor released), never left open. Kestrel's own limit only disposes a rejected
/// connection, which keeps its socket open until the client sends or closes, so a flood of idle
/// connections still used up the descriptors it was meant to protect.
/// </summary>
public sealed class ConnectionGate(long limit, ILogger logger)
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private long open;
    private long lastLogged = long.MinValue;

    /// <summary>The most connections open at once.</summary>
    public long Limit => limit;

    /// <summary>The connection middleware: runs the connection, or aborts it when the limit is reached.</summary>
    public ConnectionDelegate Use(ConnectionDelegate next) => async connection =>
    {
        if (Interlocked.Increment(ref open) > limit)
        {
            Interlocked.Decrement(ref open);
            Refused();
            connection.Abort(new ConnectionAbortedException("the service's connection limit is reached"));
            return;
        }

        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Decrement(ref open);
        }
    };

    private void Refused()
    {
        var now = TimeProvider.System.GetTimestamp();
        var last = Interlocked.Read(ref lastLogged);
        if ((last == long.MinValue || TimeProvider.System.GetElapsedTime(last, now) >= LogEvery)
            && Interlocked.CompareExchange(ref lastLogged, now, last) == last)
        {
            logger.LogWarning("Refusing connections: {Limit} are open, the limit (Limits:MaxConcurrentConnections, lowered to fit the open-file limit); logged at most once a minute", limit);
        }
    }
}
