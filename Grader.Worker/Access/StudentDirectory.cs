using System.Collections.Frozen;
using Grader.Data;
using Grader.Domain.Students;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Access;

/// <summary>
/// Who the students are: the class list, looked up by token (sign-in) or by id (trimmed and
/// case-folded). The list is read from the database and kept for
/// <see cref="GraderOptions.RosterRefreshInterval"/>, so a class list imported by the command line
/// (or on another node) is seen within that time; changes made through this process are seen at once.
/// </summary>
public sealed class StudentDirectory(IDbContextFactory<GraderDbContext> dbFactory, IOptions<GraderOptions> options)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot? snapshot;

    /// <summary>True when a class list exists: then every submission needs a student token.</summary>
    public async Task<bool> HasClassListAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).ByKey.Count > 0;

    /// <summary>The student a sign-in token belongs to, or null.</summary>
    public async Task<StudentIdentity?> FindByTokenAsync(string? token, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(token) ? null : (await CurrentAsync(ct)).ByToken.GetValueOrDefault(token.Trim());

    /// <summary>The student with an id (compared trimmed and case-folded), or null.</summary>
    public async Task<StudentIdentity?> FindAsync(string? studentId, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(studentId) ? null : (await CurrentAsync(ct)).ByKey.GetValueOrDefault(StudentIds.Key(studentId));

    /// <summary>Every student, in id order.</summary>
    public async Task<IReadOnlyList<StudentIdentity>> ListAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).All;

    /// <summary>Forgets the cached list (after this process changed it).</summary>
    public void Invalidate() => snapshot = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var s = snapshot;
        if (s is not null && DateTime.UtcNow - s.LoadedAt < options.Value.RosterRefreshInterval)
        {
            return s;
        }

        await loading.WaitAsync(ct);
        try
        {
            s = snapshot;
            if (s is not null && DateTime.UtcNow - s.LoadedAt < options.Value.RosterRefreshInterval)
            {
                return s;
            }

            var loadedAt = DateTime.UtcNow;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await db.Students.AsNoTracking()
                .Select(x => new { x.Key, x.StudentId, x.Name, x.Email, x.Token })
                .ToListAsync(ct);
            var all = rows.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => (r.Key, Identity: new StudentIdentity(r.StudentId, r.Name, r.Email, r.Token))).ToList();
            s = new Snapshot(
                loadedAt,
                [.. all.Select(a => a.Identity)],
                all.ToFrozenDictionary(a => a.Key, a => a.Identity, StringComparer.Ordinal),
                all.ToFrozenDictionary(a => a.Identity.Token, a => a.Identity, StringComparer.Ordinal));
            snapshot = s;
            return s;
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed record Snapshot(
        DateTime LoadedAt,
        IReadOnlyList<StudentIdentity> All,
        FrozenDictionary<string, StudentIdentity> ByKey,
        FrozenDictionary<string, StudentIdentity> ByToken);
}
