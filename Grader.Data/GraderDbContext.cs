using Grader.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data;

/// <summary>
/// The grader's database: assignment versions, submissions, grades, the class list, extensions,
/// score overrides, regrade requests and answer-group scores, and the keys that protect the pages'
/// antiforgery tokens (shared by every node, kept across restarts).
/// </summary>
public sealed class GraderDbContext(DbContextOptions<GraderDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Assignment files by content.</summary>
    public DbSet<AssignmentVersion> AssignmentVersions => Set<AssignmentVersion>();

    /// <summary>Submissions, kept verbatim.</summary>
    public DbSet<Submission> Submissions => Set<Submission>();

    /// <summary>Grades, current and past.</summary>
    public DbSet<Grade> Grades => Set<Grade>();

    /// <summary>The class list: students and their sign-in tokens.</summary>
    public DbSet<Student> Students => Set<Student>();

    /// <summary>Per-student due dates.</summary>
    public DbSet<Extension> Extensions => Set<Extension>();

    /// <summary>TAs' score overrides, every one kept (the audit trail).</summary>
    public DbSet<ScoreOverrideRecord> ScoreOverrides => Set<ScoreOverrideRecord>();

    /// <summary>Students' regrade requests and the TAs' answers.</summary>
    public DbSet<RegradeRequest> RegradeRequests => Set<RegradeRequest>();

    /// <summary>TAs' scores for answer groups (one wrong answer given by several submissions).</summary>
    public DbSet<AnswerGroupRule> AnswerGroupRules => Set<AnswerGroupRule>();

    /// <summary>Each student's counted standing per assignment, kept up to date with the grades.</summary>
    public DbSet<StoredStanding> Standings => Set<StoredStanding>();

    /// <summary>Which assignments' standings are computed, and under which rules.</summary>
    public DbSet<StandingsComputed> StandingsComputed => Set<StandingsComputed>();

    /// <summary>ASP.NET Core's data-protection key ring (<c>PersistKeysToDbContext</c>): every node reads the same keys.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Indexes are declared where a read needs them, not given to every foreign key.
        configurationBuilder.Conventions.Remove(typeof(Microsoft.EntityFrameworkCore.Metadata.Conventions.ForeignKeyIndexConvention));
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GraderDbContext).Assembly);

        // SQLite keeps no time zone: every time is stored and read back as UTC.
        var utc = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
            v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
        {
            property.SetValueConverter(utc);
        }
    }
}
