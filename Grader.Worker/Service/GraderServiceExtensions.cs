using Grader.Data;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Grader.Worker.Hardening;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grader.Worker.Service;

/// <summary>Registers the grading service: options, database, Hangfire's queue and server, intake, inbox, class list, pages.</summary>
public static class GraderServiceExtensions
{
    /// <summary>Adds every service the grader needs to the host.</summary>
    public static IHostApplicationBuilder AddGraderServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraderOptions>().BindConfiguration(GraderOptions.Section);
        builder.Services.AddOptions<Reports.GradebookOptions>().BindConfiguration(Reports.GradebookOptions.Section);
        var options = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions();

        // Interceptors registered in the container (tests use them) are added to every context.
        builder.Services.AddPooledDbContextFactory<GraderDbContext>((sp, o) =>
            UseDatabase(o, options).AddInterceptors(sp.GetServices<IInterceptor>()));
        builder.Services.AddSingleton<AssignmentCatalog>();
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<SubmissionWriter>();
        builder.Services.AddSingleton<ParsedSubmissions>();
        builder.Services.AddSingleton<AnswerKeys>();
        builder.Services.AddSingleton<SubmissionIntake>();
        builder.Services.AddSingleton<RegradeService>();
        builder.Services.AddSingleton<Reports.TaTokenStore>();
        builder.Services.AddSingleton<Reports.ClassRecords>();
        builder.Services.AddSingleton<Reports.SubmissionPaging>();
        builder.Services.AddSingleton<Reports.StandingStore>();
        builder.Services.AddSingleton<Reports.StatisticsCache>();
        builder.Services.AddSingleton<UngradedSubmissions>();
        builder.Services.AddTransient<GradeSubmissionsJob>();
        builder.Services.AddSingleton<Students.StudentDirectory>();
        builder.Services.AddSingleton<Students.StudentSignIn>();
        builder.Services.AddSingleton<Students.RosterService>();
        builder.Services.AddSingleton<Students.HandoutService>();
        builder.Services.AddSingleton<Students.StudentRecords>();
        builder.Services.AddSingleton<Students.StudentRulesService>();
        builder.Services.AddSingleton<ServiceLinks>();
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddTransient<RequeueOrphansJob>();
        builder.Services.AddSingleton<Reports.StudentViews>();
        builder.Services.AddSingleton<CourseRules>();
        builder.Services.AddSingleton<ManualGradingService>();
        builder.Services.AddSingleton<RegradeRequestService>();
        builder.Services.AddGraderHealthChecks();
        builder.Services.TryAddKeyedSingleton(CourseRules.ClockKey, TimeProvider.System);
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionWriter>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GradingQueue>());

        // One node: Hangfire's queue in memory; durability is the database's (a submission is
        // committed before its 202, and the start-up scan queues again what has no grade).
        // Several nodes: Hangfire's queue in the shared PostgreSQL database, schema "hangfire".
        // The storage is this host's own singleton, not Hangfire's process-wide JobStorage.Current:
        // two hosts in one process (the tests run many) would otherwise race for that global and
        // enqueue into each other's queues.
        builder.Services.AddHangfire((sp, c) => c
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.Replace(ServiceDescriptor.Singleton<JobStorage>(_ => options.Database.IsPostgres
            ? new PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(options.Database.ConnectionString!, PostgresQueueOptions),
                PostgresQueueOptions)
            : new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) })));
        // The same for the job activator: Hangfire.NetCore registers JobActivator.Current, which the
        // last host to configure itself sets, so a host's server could build its jobs from another
        // host's services (its database). Each host builds its jobs from its own container.
        builder.Services.Replace(ServiceDescriptor.Singleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>())));
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(1, options.Workers);
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.ShutdownTimeout = TimeSpan.FromSeconds(50);
        });
        builder.Services.AddHostedService<InboxWatcher>();
        builder.Services.AddHostedService<AssignmentWatcher>();
        return builder;
    }

    /// <summary>Hangfire.PostgreSql's settings for the shared queue (schema "hangfire").</summary>
    private static PostgreSqlStorageOptions PostgresQueueOptions { get; } = new()
    {
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = TimeSpan.FromMilliseconds(200),
        EnableLongPolling = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>Configures a context for the configured provider: the SQLite file or the PostgreSQL database.</summary>
    public static DbContextOptionsBuilder UseDatabase(DbContextOptionsBuilder builder, GraderOptions options)
    {
        if (options.Database.IsPostgres)
        {
            return PostgresDatabase.Configure(builder, options.Database.ConnectionString!);
        }

        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Hardening.PrivateFile.Ensure(path); // 0600; SQLite gives its WAL and shared-memory files the same mode
        return SqliteDatabase.Configure(builder, path);
    }
}
