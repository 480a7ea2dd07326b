using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Assignments;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Course;

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
    private readonly ConcurrentDictionary<string, AssignmentProblem> problems = new();
    private readonly SemaphoreSlim reloading = new(1, 1);

    /// <summary>The current version id of an assignment, or null if unknown.</summary>
    public long? CurrentVersion(string assignmentId) => current.TryGetValue(assignmentId, out var v) ? v : null;

    /// <summary>The ids of every loaded assignment.</summary>
    public IReadOnlyCollection<string> Ids => [.. current.Keys.Order()];

    /// <summary>The files refused when last read, by path (their assignments' previous versions stay in force).</summary>
    public IReadOnlyList<AssignmentProblem> Problems => [.. problems.Values.OrderBy(p => p.File, StringComparer.Ordinal)];

    /// <summary>The refusal of the file that names an assignment (or is named after it), or null.</summary>
    public AssignmentProblem? ProblemOf(string assignmentId) => problems.Values.FirstOrDefault(p => p.AssignmentId == assignmentId);

    /// <summary>
    /// Reads the assignments folder: each valid file's version is stored (by content hash) and made
    /// current; an invalid file is refused loudly (logged as an error, listed in <see cref="Problems"/>)
    /// and its assignment's previous version stays in force.
    /// </summary>
    public async Task<PublishResult> ReloadAsync(CancellationToken ct = default)
    {
        var published = new List<string>();
        var unchanged = new List<string>();
        var refused = new List<AssignmentProblem>();
        await reloading.WaitAsync(ct);
        try
        {
            var folder = Path.GetFullPath(options.Value.AssignmentsPath);
            if (!Directory.Exists(folder))
            {
                logger.LogWarning("Assignments folder {Folder} does not exist; no assignments loaded", folder);
                return new PublishResult(published, unchanged, refused);
            }

            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var seen = new HashSet<string>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
            {
                seen.Add(file);
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(file, ct);
                }
                catch (IOException ex)
                {
                    // Being written right now, or gone: the watcher reads it again when it settles.
                    logger.LogWarning("Cannot read assignment file {File} now: {Reason}", file, ex.Message);
                    continue;
                }

                var text = Encoding.UTF8.GetString(bytes);
                var (assignment, diagnostics) = AssignmentValidator.Validate(text, file);
                if (assignment is null)
                {
                    var problem = new AssignmentProblem(file, IdOf(text) ?? Path.GetFileNameWithoutExtension(file), [.. diagnostics.Select(d => d.ToString())], DateTime.UtcNow);
                    var repeated = problems.TryGetValue(file, out var before) && before.Problems.SequenceEqual(problem.Problems);
                    problems[file] = repeated ? before! : problem;
                    refused.Add(problems[file]);
                    if (!repeated)
                    {
                        logger.LogError(
                            "Refused assignment file {File} ({Assignment}); {Previous}: {Problems}",
                            file, problem.AssignmentId,
                            current.ContainsKey(problem.AssignmentId) ? "the previous version stays in force" : "it was never loaded",
                            string.Join("; ", problem.Problems));
                    }

                    continue;
                }

                problems.TryRemove(file, out _);
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
                var previous = current.TryGetValue(assignment.Id, out var p) ? p : (long?)null;
                current[assignment.Id] = version.Id;
                if (previous == version.Id)
                {
                    unchanged.Add(assignment.Id);
                }
                else
                {
                    published.Add(assignment.Id);
                    if (previous is not null)
                    {
                        logger.LogInformation("Published a new version of {Assignment} from {File}", assignment.Id, file);
                    }
                }
            }

            foreach (var gone in problems.Keys.Where(f => !seen.Contains(f)).ToList())
            {
                problems.TryRemove(gone, out _);
            }

            logger.LogInformation("Loaded {Count} assignments from {Folder}", current.Count, folder);
            return new PublishResult(published, unchanged, refused);
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>When a stored version was first loaded, or null.</summary>
    public async Task<DateTime?> LoadedAtAsync(long versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AssignmentVersions.Where(v => v.Id == versionId).Select(v => (DateTime?)v.LoadedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>The id a file names, read as plainly as possible (null when even that fails).</summary>
    private static string? IdOf(string text)
    {
        try
        {
            return Domain.Yaml.SafeYamlReader.Read(text) is Domain.Yaml.YMapping m && m["id"] is Domain.Yaml.YScalar { Value.Length: > 0 and <= 100 } id ? id.Value : null;
        }
        catch (Domain.Yaml.YamlFormatException)
        {
            return null;
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
