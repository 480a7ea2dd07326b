using Grader.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Grader.Worker.Service;

/// <summary>Registers the grading service: options, database, Quartz's durable queue, intake, inbox.</summary>
public static class GraderServiceExtensions
{
    /// <summary>Adds every service the grader needs to the host.</summary>
    public static IHostApplicationBuilder AddGraderServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraderOptions>().BindConfiguration(GraderOptions.Section);
        var options = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions();
        var databasePath = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var connectionString = SqliteDatabase.ConnectionString(databasePath);

        builder.Services.AddPooledDbContextFactory<GraderDbContext>(o =>
            SqliteDatabase.Configure(o, databasePath));
        builder.Services.AddSingleton<AssignmentCatalog>();
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<SubmissionWriter>();
        builder.Services.AddSingleton<ParsedSubmissions>();
        builder.Services.AddSingleton<SubmissionIntake>();
        builder.Services.AddSingleton<RegradeService>();
        builder.Services.AddSingleton<Reports.TaTokenStore>();
        builder.Services.AddSingleton<Reports.ClassRecords>();
        builder.Services.AddHostedService<StartupService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionWriter>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GradingQueue>());

        builder.Services.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(Math.Max(1, options.Workers));
            q.UsePersistentStore(s =>
            {
                s.UseSqlite(GraderSqliteFactory.Instance, connectionString);
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();

                // A transient SQLite error (SQLITE_BUSY_SNAPSHOT comes back at once, without the busy
                // handler) is retried after this interval; Quartz's default of one second showed as
                // one-second stalls in the latency tail.
                s.ConfigureStore(o => o.TransientRetryInterval = TimeSpan.FromMilliseconds(5));
            });
            q.UseDefaultRetryPolicy(RetryPolicy.Exponential(5, TimeSpan.FromMilliseconds(500), 2, TimeSpan.FromSeconds(30)));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<InboxWatcher>();
        return builder;
    }
}
