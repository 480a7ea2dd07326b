using Grader.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Course;

/// <summary>
/// Publishes edited and new assignment files while the service runs: a file-system watcher on the
/// assignments folder, debounced (an editor's burst of writes is read once, after
/// <see cref="GraderOptions.PublishDebounce"/> of quiet), then the catalog re-reads the folder.
/// An invalid file is refused there (logged, shown on the TA home page) and the previous version stays.
/// </summary>
public sealed class AssignmentWatcher(AssignmentCatalog catalog, IOptions<GraderOptions> options, ILogger<AssignmentWatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = Path.GetFullPath(options.Value.AssignmentsPath);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            IncludeSubdirectories = false,
        };
        void Signal(object? sender, FileSystemEventArgs e)
        {
            if (e.Name is { } name && (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
            {
                changed.Release();
            }
        }

        watcher.Changed += Signal;
        watcher.Created += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += (s, e) => Signal(s, e);
        watcher.Error += (_, e) =>
        {
            logger.LogWarning("Watching {Folder} failed ({Reason}); re-reading it", folder, e.GetException().Message);
            changed.Release();
        };
        watcher.EnableRaisingEvents = true;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await changed.WaitAsync(stoppingToken);

                // Debounce: wait until no event has come for the whole interval.
                while (await changed.WaitAsync(options.Value.PublishDebounce, stoppingToken))
                {
                    while (changed.CurrentCount > 0)
                    {
                        await changed.WaitAsync(stoppingToken);
                    }
                }

                await catalog.ReloadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // One bad read must not stop publishing; the next change tries again.
                logger.LogError(ex, "Re-reading the assignments folder {Folder} failed", folder);
            }
        }
    }
}
