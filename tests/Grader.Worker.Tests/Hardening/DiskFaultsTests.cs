using Microsoft.Data.Sqlite;
using Grader.Worker.Hardening;

namespace Grader.Worker.Tests.Hardening;

public class DiskFaultsTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "SQLITE_FULL", new SqliteException("database or disk is full", 13), true },
        { "SQLITE_IOERR", new SqliteException("disk I/O error", 10), true },
        { "SQLITE_IOERR_WRITE (extended)", new SqliteException("disk I/O error", 10, 778), true },
        { "inside EF Core's update exception", new Microsoft.EntityFrameworkCore.DbUpdateException("x", new SqliteException("database or disk is full", 13)), true },
        { "ENOSPC", new IOException("No space left on device", 28), true },
        { "EFBIG", new IOException("File too large", 27), true },
        { "PostgreSQL disk_full", new Npgsql.PostgresException("could not extend file", "ERROR", "ERROR", "53100"), true },
        { "SQLITE_BUSY", new SqliteException("database is locked", 5), false },
        { "a unique constraint", new SqliteException("UNIQUE constraint failed", 19), false },
        { "another IOException", new IOException("Unexpected end of Stream"), false },
        { "a bug", new InvalidOperationException("x"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tells_a_full_or_failing_disk_from_other_faults(string name, Exception ex, bool expected) =>
        Assert.True(expected == DiskFaults.Is(ex), name);
}
