using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Grader.Data;
using Grader.Data.Entities;
using Grader.Domain.Assignments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Service;

/// <summary>
/// The assignments the service grades: every valid file under the assignments folder, each
/// version stored by content hash. Keeps the current version of each id, and parses any stored
/// version on demand for submissions graded against it.
/// </summary>
public sealed class AssignmentCatalog(
    IDbContextFactory<GraderDbContext> dbFactory,
    IOptions<GraderOptions> options,
    ILogger<AssignmentCatalog> logger)
{
    private readonly ConcurrentDictionary<string, long> current = new();
    private readonly ConcurrentDictionary<long, Assignment?> byVersion = new();
    private readonly SemaphoreSlim reloading = new(1, 1);

    /// <summary>The current version id of an assignment, or null if unknown.</summary>
    public long? CurrentVersion(string assignmentId) => current.TryGetValue(assignmentId, out var v) ? v : null;

    /// <summary>The ids of every loaded assignment.</summary>
    public IReadOnlyCollection<string> Ids => [.. current.Keys.Order()];

    /// <summary>Reads the assignments folder, storing new versions and marking the current ones.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await reloading.WaitAsync(ct);
        try
        {
            var folder = Path.GetFullPath(options.Value.AssignmentsPath);
            if (!Directory.Exists(folder))
            {
                logger.LogWarning("Assignments folder {Folder} does not exist; no assignments loaded", folder);
                return;
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var file in Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                var bytes = await File.ReadAllBytesAsync(file, ct);
                var text = Encoding.UTF8.GetString(bytes);
                var (assignment, problems) = AssignmentValidator.Validate(text, file);
                if (assignment is null)
                {
                    logger.LogWarning("Skipping invalid assignment {File}: {Problems}", file, string.Join("; ", problems));
                    continue;
                }

                var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                var version = await db.AssignmentVersions.SingleOrDefaultAsync(v => v.AssignmentId == assignment.Id && v.Hash == hash, ct);
                if (version is null)
                {
                    version = new AssignmentVersion { AssignmentId = assignment.Id, Hash = hash, Text = text, SourcePath = file, LoadedAt = DateTime.UtcNow };
                    db.AssignmentVersions.Add(version);
                }

                foreach (var other in await db.AssignmentVersions.Where(v => v.AssignmentId == assignment.Id && v.IsCurrent && v.Hash != hash).ToListAsync(ct))
                {
                    other.IsCurrent = false;
                }

                version.IsCurrent = true;
                await db.SaveChangesAsync(ct);
                byVersion[version.Id] = assignment;
                current[assignment.Id] = version.Id;
            }

            logger.LogInformation("Loaded {Count} assignments from {Folder}", current.Count, folder);
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>The assignment of a stored version (parsed once), or null if it no longer loads.</summary>
    public async Task<Assignment?> GetVersionAsync(long versionId, CancellationToken ct = default)
    {
        if (byVersion.TryGetValue(versionId, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.AssignmentVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == versionId, ct);
        var assignment = version is null ? null : AssignmentValidator.Validate(version.Text, version.SourcePath).Assignment;
        byVersion[versionId] = assignment;
        return assignment;
    }
}
