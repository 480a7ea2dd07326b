using Microsoft.AspNetCore.Connections;

namespace Grader.Worker.Hardening;

/// <summary>
/// The limit on open connections, enforced twice. At the listener, accepting pauses while the
/// connections accepted and not yet finished reach the limit and a small allowance
/// (<see cref="AcceptAllowance"/>), so a flood waits in the kernel's backlog instead of taking the
/// process's descriptors (a burst accepted faster than the thread pool could close it used to take
/// the descriptors kept for the database and the runtime, and the process died). At the connection,
/// one over the limit is closed at once (its socket and descriptor released), never left open:
/// Kestrel's own limit only disposes a rejected connection, which keeps its socket open until the
/// client sends or closes.
/// </summary>
public sealed class ConnectionGate
{
    /// <summary>Connections accepted beyond the limit only to be closed at once: the most descriptors a flood can take beyond it.</summary>
    public const int AcceptAllowance = 32;

    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private static readonly object Accepted = new();
    private readonly SemaphoreSlim room;
    private readonly ILogger logger;
    private long open;
    private long lastLogged = long.MinValue;

    /// <summary>A gate for at most <paramref name="limit"/> connections served at once.</summary>
    public ConnectionGate(long limit, ILogger logger)
    {
        Limit = limit;
        this.logger = logger;
        room = new SemaphoreSlim((int)Math.Min(int.MaxValue - AcceptAllowance, limit) + AcceptAllowance);
    }

    /// <summary>The most connections open at once.</summary>
    public long Limit { get; }

    /// <summary>Waits until one more connection may be accepted (see <see cref="Accept"/>).</summary>
    public Task WaitForRoomAsync(CancellationToken cancellation) => room.WaitAsync(cancellation);

    /// <summary>Gives back the room taken by <see cref="WaitForRoomAsync"/> when no connection was accepted with it.</summary>
    public void Unused() => room.Release();

    /// <summary>Marks a connection accepted with the room taken; the room comes back when its connection ends.</summary>
    public void Accept(ConnectionContext connection) => connection.Items[Accepted] = Accepted;

    /// <summary>The connection middleware: runs the connection, or aborts it when the limit is reached.</summary>
    public ConnectionDelegate Use(ConnectionDelegate next) => async connection =>
    {
        try
        {
            if (Interlocked.Increment(ref open) > Limit)
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
        }
        finally
        {
            if (connection.Items.Remove(Accepted))
            {
                room.Release();
            }
        }
    };

    private void Refused()
    {
        var now = TimeProvider.System.GetTimestamp();
        var last = Interlocked.Read(ref lastLogged);
        if ((last == long.MinValue || TimeProvider.System.GetElapsedTime(last, now) >= LogEvery)
            && Interlocked.CompareExchange(ref lastLogged, now, last) == last)
        {
            logger.LogWarning("Refusing connections: {Limit} are open, the limit (Limits:MaxConcurrentConnections, lowered to fit the open-file limit); logged at most once a minute", Limit);
        }
    }
}
