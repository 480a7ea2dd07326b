using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Grader.Worker.Grading;

/// <summary>
/// Hangfire's log provider is process-wide; this one writes to the host's logging and, once that
/// host is gone (the tests run several hosts in one process), gives a silent logger instead of
/// throwing from the disposed logger factory inside another host's queue.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    /// <inheritdoc />
    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
