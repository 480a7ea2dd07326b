namespace Grader.Tests;

/// <summary>A test that needs a real PostgreSQL server; skipped, with the reason, only where the binaries cannot be had.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
