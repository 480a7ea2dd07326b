using Grader.Data;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Grader.Worker.Service;

/// <summary>Registers the grading service: options, database, Hangfire's queue and server, intake, inbox.</summary>
public static class GraderServiceExtensions
{
    /// <summary>Adds every service the grader needs to the host.</summary>
    public static IHostApplicationBuilder AddGraderServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraderOptions>().BindConfiguration(GraderOptions.Section);
        var options = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions();
        var databasePath = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);

        // Interceptors registered in the container (tests use them) are added to every context.
        builder.Services.AddPooledDbContextFactory<GraderDbContext>((sp, o) =>
            SqliteDatabase.Configure(o, databasePath).AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddSingleton<AssignmentCatalog>();
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<SubmissionWriter>();
        builder.Services.AddSingleton<ParsedSubmissions>();
        builder.Services.AddSingleton<SubmissionIntake>();
        builder.Services.AddSingleton<RegradeService>();
        builder.Services.AddSingleton<Reports.TaTokenStore>();
        builder.Services.AddSingleton<Reports.ClassRecords>();
        builder.Services.AddTransient<GradeSubmissionsJob>();
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionWriter>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GradingQueue>());

        // One node: Hangfire's queue in memory. Durability is the database's: a submission is
        // committed before its 202, and the start-up scan queues again what has no grade.
        builder.Services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) }));
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(1, options.Workers);
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.ShutdownTimeout = TimeSpan.FromSeconds(50);
        });
        builder.Services.AddHostedService<InboxWatcher>();
        return builder;
    }
}
