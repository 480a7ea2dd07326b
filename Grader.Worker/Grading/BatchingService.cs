using System.Threading.Channels;

namespace Grader.Worker.Grading;

/// <summary>
/// A background loop (or <see cref="Loops"/> of them) that takes items from an unbounded channel in batches: it waits for the
/// first item, optionally lingers to let more arrive, then hands everything waiting (up to a
/// maximum) to <see cref="ProcessAsync"/>. The linger counts from the moment the loop finds an
/// item, not from its arrival: under load, what arrives while a batch is handled joins the next one
/// with a full linger, so batches grow with the load (counting from the arrival instead left two
/// PostgreSQL nodes at 0.78× the graded rate, measured side by side: docs/performance.md).
/// On stop the linger is cut short, what is left is drained, and the loop ends.
/// </summary>
public abstract class BatchingService<T>(int maxBatch) : BackgroundService
{
    private readonly Channel<T> items = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = false });

    /// <summary>How long the loop waits, once it finds an item, for others to join its batch.</summary>
    protected virtual TimeSpan Linger => TimeSpan.Zero;

    /// <summary>How many loops take batches at once (one by default: each batch waits for the one before it).</summary>
    protected virtual int Loops => 1;

    /// <summary>
    /// How many of the <see cref="Loops"/> take batches now (at least one; all by default): the others
    /// are parked, and look again every <see cref="ParkedRecheck"/>. Read before each batch, so it may change while the service runs.
    /// </summary>
    protected virtual int ActiveLoops => Loops;

    /// <summary>How often a parked loop looks whether it may take batches again.</summary>
    protected virtual TimeSpan ParkedRecheck => TimeSpan.FromSeconds(1);

    /// <summary>The clock the linger is measured and waited on.</summary>
    protected virtual TimeProvider Time => TimeProvider.System;

    /// <summary>Whether the host is stopping the loop (what <see cref="ProcessAsync"/> gets then is the last of it).</summary>
    protected bool Stopping { get; private set; }

    /// <summary>Adds an item.</summary>
    protected ValueTask AddAsync(T item, CancellationToken ct = default) => items.Writer.WriteAsync(item, ct);

    /// <summary>Adds an item without waiting (the channel is unbounded).</summary>
    protected bool TryAdd(T item) => items.Writer.TryWrite(item);

    /// <summary>Handles one batch; exceptions are the subclass's to handle.</summary>
    protected abstract Task ProcessAsync(IReadOnlyList<T> batch);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Loops <= 1 ? LoopAsync(0, stoppingToken) : Task.WhenAll(Enumerable.Range(0, Loops).Select(i => Task.Run(() => LoopAsync(i, stoppingToken), CancellationToken.None)));

    private async Task LoopAsync(int index, CancellationToken stoppingToken)
    {
        var batch = new List<T>();
        while (true)
        {
            if (index > 0 && index >= ActiveLoops)
            {
                // Parked: the first loop always runs, and drains what is left when stopping.
                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    await Task.Delay(ParkedRecheck, Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping.
                }

                continue;
            }

            if (!await items.Reader.WaitToReadAsync(CancellationToken.None))
            {
                break;
            }

            if (!stoppingToken.IsCancellationRequested && Linger > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(Linger, Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: what is waiting is handled now.
                }
            }

            while (batch.Count < maxBatch && items.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await ProcessAsync(batch);
            batch.Clear();
            if (stoppingToken.IsCancellationRequested && !items.Reader.TryPeek(out _))
            {
                break;
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Stopping = true;
        items.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
