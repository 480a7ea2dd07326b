namespace Grader.Reference;

/// <summary>
/// Whether operations are recorded for a backward pass, as PyTorch's <c>torch.no_grad()</c>: a
/// first-order backward pass runs its operations unrecorded, on this thread.
/// </summary>
public static class GradMode
{
    [ThreadStatic]
    private static int offDepth;

    /// <summary>True unless inside <see cref="Off"/> on this thread.</summary>
    public static bool Enabled => offDepth == 0;

    /// <summary>Stops recording until the returned scope is disposed.</summary>
    public static IDisposable Off()
    {
        offDepth++;
        return new Scope();
    }

    /// <summary>Records operations until the returned scope is disposed, even inside <see cref="Off"/>.</summary>
    internal static IDisposable Recording()
    {
        var saved = offDepth;
        offDepth = 0;
        return new Restore(saved);
    }

    private sealed class Restore(int saved) : IDisposable
    {
        public void Dispose() => offDepth = saved;
    }

    private sealed class Scope : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (!disposed)
            {
                disposed = true;
                offDepth--;
            }
        }
    }
}
