using Grader.Data;
using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Grader.Worker.Reports;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Host;

/// <summary>The host's own part of the composition: every options class bound once and validated at start, and the database.</summary>
public static class GraderServiceExtensions
{
    /// <summary>
    /// Binds <see cref="GraderOptions"/>, <see cref="ServiceLimits"/> and <see cref="GradebookOptions"/>,
    /// each once, validated when the host starts: a bad setting stops the start with one line naming it.
    /// </summary>
    public static IHostApplicationBuilder AddGraderSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraderOptions>().BindConfiguration(GraderOptions.Section)
            .Validate(o => TaTokenStore.Problem(o) is null,
                $"the configured TA token (Grader:TaToken) is too short: it must be at least {ServiceLimits.MinTaTokenLength} characters (or leave it empty to have one generated)")
            .Validate(o => ProviderIsKnown(o.Database))
            .Validate(o => o.Database.IntakeWriters is >= 1 and <= DatabaseOptions.MaxIntakeWriters,
                $"Grader:Database:IntakeWriters (the bursts the cluster stores at once) must be from 1 to {DatabaseOptions.MaxIntakeWriters}")
            .ValidateOnStart();
        builder.Services.AddOptions<ServiceLimits>().BindConfiguration(ServiceLimits.Section).ValidateOnStart();
        builder.Services.AddOptions<GradebookOptions>().BindConfiguration(GradebookOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<ServiceLinks>();
        return builder;
    }

    /// <summary>True once the provider is read: <see cref="DatabaseOptions.IsPostgres"/> throws, naming the setting, for an unknown provider or a missing connection string.</summary>
    private static bool ProviderIsKnown(DatabaseOptions database) => database.IsPostgres || database.Provider.Length > 0;

    /// <summary>The database: a pooled context factory for the configured provider; interceptors registered in the container (tests use them) join every context.</summary>
    public static IHostApplicationBuilder AddGraderDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPooledDbContextFactory<GraderDbContext>((sp, o) =>
            UseDatabase(o, sp.GetRequiredService<IOptions<GraderOptions>>().Value).AddInterceptors(sp.GetServices<IInterceptor>()));
        return builder;
    }

    /// <summary>Configures a context for the configured provider: the SQLite file or the PostgreSQL database.</summary>
    public static DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder builder, GraderOptions options)
    {
        if (options.Database.IsPostgres)
        {
            return PostgresDatabase.Configure(builder, options.Database.ConnectionString!);
        }

        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PrivateFile.Ensure(path); // 0600; SQLite gives its WAL and shared-memory files the same mode
        return SqliteDatabase.Configure(builder, path);
    }
}
