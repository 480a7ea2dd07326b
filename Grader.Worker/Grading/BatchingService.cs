using System.Threading.Channels;

namespace Grader.Worker.Grading;

/// <summary>
/// A background loop that takes items from an unbounded channel in batches: it waits for the
/// first item, optionally lingers to let more arrive, then hands everything waiting (up to a
/// maximum) to <see cref="ProcessAsync"/>. The linger counts from the first item's arrival, so an
/// item that came while the previous batch was being handled waits only what is left of it. On
/// stop it drains what is left, then ends.
/// </summary>
public abstract class BatchingService<T>(int maxBatch) : BackgroundService
{
    private readonly Channel<(T Item, long At)> items = Channel.CreateUnbounded<(T, long)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>How long the first item of a batch waits, from its arrival, for others to join it.</summary>
    protected virtual TimeSpan Linger => TimeSpan.Zero;

    /// <summary>The clock the linger is measured and waited on.</summary>
    protected virtual TimeProvider Time => TimeProvider.System;

    /// <summary>Adds an item.</summary>
    protected ValueTask AddAsync(T item, CancellationToken ct = default) => items.Writer.WriteAsync((item, Time.GetTimestamp()), ct);

    /// <summary>Adds an item without waiting (the channel is unbounded).</summary>
    protected bool TryAdd(T item) => items.Writer.TryWrite((item, Time.GetTimestamp()));

    /// <summary>Handles one batch; exceptions are the subclass's to handle.</summary>
    protected abstract Task ProcessAsync(IReadOnlyList<T> batch);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<T>();
        while (await items.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!stoppingToken.IsCancellationRequested && Linger > TimeSpan.Zero && items.Reader.TryPeek(out var first)
                && Linger - Time.GetElapsedTime(first.At) is { Ticks: > 0 } rest)
            {
                try
                {
                    await Task.Delay(rest, Time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: what is waiting is handled now.
                }
            }

            while (batch.Count < maxBatch && items.Reader.TryRead(out var item))
            {
                batch.Add(item.Item);
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
