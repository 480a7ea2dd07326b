using System.Threading.Channels;

namespace Grader.Worker.Grading;

/// <summary>
/// A background loop that takes items from an unbounded channel in batches: it waits for the
/// first item, optionally lingers to let more arrive, then hands everything waiting (up to a
/// maximum) to <see cref="ProcessAsync"/>. On stop it drains what is left, then ends.
/// </summary>
public abstract class BatchingService<T>(int maxBatch) : BackgroundService
{
    private readonly Channel<T> items = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>How long to wait after the first item before taking the batch.</summary>
    protected virtual TimeSpan Linger => TimeSpan.Zero;

    /// <summary>Adds an item.</summary>
    protected ValueTask AddAsync(T item, CancellationToken ct = default) => items.Writer.WriteAsync(item, ct);

    /// <summary>Adds an item without waiting (the channel is unbounded).</summary>
    protected bool TryAdd(T item) => items.Writer.TryWrite(item);

    /// <summary>Handles one batch; exceptions are the subclass's to handle.</summary>
    protected abstract Task ProcessAsync(IReadOnlyList<T> batch);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<T>();
        while (await items.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!stoppingToken.IsCancellationRequested && Linger > TimeSpan.Zero)
            {
                await Task.Delay(Linger, CancellationToken.None);
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
        items.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }
}
