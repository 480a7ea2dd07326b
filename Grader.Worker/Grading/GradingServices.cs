using Grader.Worker.Settings;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Grading;

/// <summary>The grading room's services: the queue (Hangfire), the grading job and service, keys, regrades, overrides.</summary>
public static class GradingServices
{
    /// <summary>Adds grading and Hangfire's client and storage (the server is <see cref="AddGradingServer"/>, started by the host in its order).</summary>
    public static IHostApplicationBuilder AddGrading(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => NodeQueue.For(sp.GetRequiredService<IOptions<GraderOptions>>().Value.Database.IsPostgres));
        builder.Services.AddSingleton<GradingQueue>();
        builder.Services.AddSingleton<LiveNodes>();
        builder.Services.AddSingleton<ParsedSubmissions>();
        builder.Services.AddSingleton<AnswerKeys>();
        builder.Services.AddSingleton<SubmissionGrader>();
        builder.Services.AddSingleton<RegradeService>();
        builder.Services.AddSingleton<UngradedSubmissions>();
        builder.Services.AddSingleton<ManualGradingService>();
        builder.Services.AddSingleton<AnswerGroupService>();
        builder.Services.AddSingleton<RegradeRequestService>();
        builder.Services.AddTransient<GradeSubmissionsJob>();
        builder.Services.AddTransient<RequeueOrphansJob>();

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
            .UseRecommendedSerializerSettings()
            .UseTypeSerializer(JobTypeNames.Serialize)
            .UseTypeResolver(JobTypeNames.Resolve));
        builder.Services.Replace(ServiceDescriptor.Singleton<JobStorage>(sp => sp.GetRequiredService<IOptions<GraderOptions>>().Value is { Database: { IsPostgres: true } db } options
            ? PostgresQueue(db.ConnectionString!, options.QueueSynchronousCommit, PostgresQueueOptions(options.GradeAtIntake))
            : new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(1) })));
        // The same for the job activator: Hangfire.NetCore registers JobActivator.Current, which the
        // last host to configure itself sets, so a host's server could build its jobs from another
        // host's services (its database). Each host builds its jobs from its own container.
        builder.Services.Replace(ServiceDescriptor.Singleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>())));
        return builder;
    }

    /// <summary>Adds Hangfire's server: <see cref="GraderOptions.Workers"/> workers taking this node's own queue first (<see cref="NodeQueue"/>), 50 s to finish a started batch on stop.</summary>
    public static IHostApplicationBuilder AddGradingServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = Math.Max(1, sp.GetRequiredService<IOptions<GraderOptions>>().Value.Workers);
            o.Queues = sp.GetRequiredService<NodeQueue>().Served;
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.ShutdownTimeout = TimeSpan.FromSeconds(50);
        });
        return builder;
    }

    /// <summary>Hangfire's storage in PostgreSQL, its connections and itself under the same settings.</summary>
    private static PostgreSqlStorage PostgresQueue(string connectionString, bool synchronousCommit, PostgreSqlStorageOptions settings) =>
        new(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(HangfireConnectionString.For(connectionString, synchronousCommit), settings), settings);

    /// <summary>Hangfire.PostgreSql's settings for the shared queue (schema "hangfire").</summary>
    private static PostgreSqlStorageOptions PostgresQueueOptions(bool gradeAtIntake) => new()
    {
        PrepareSchemaIfNecessary = true,
        // How often an idle worker asks the database for a job that no signal woke it for (a job this
        // node queues wakes its own workers at once). When every submission went through the queue,
        // Hangfire.PostgreSql's lowest safe interval, 50 ms: a job waited less for a worker (at 200/s
        // offered, one node: p50 50.5 -> 44.8 ms, p99 97.8 -> 84.0 ms), for 20 small transactions a
        // second per idle worker. Graded at intake, the queue carries only regrades, the start-up scan
        // and what intake could not store with its grade, and those 20 a second per idle worker were
        // most of the server's commits (two nodes, closed loop: 0.45 commits per submission against 0.31 for
        // one node): one poll a second then, which only another node's queued job waits for.
        QueuePollInterval = gradeAtIntake ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(50),
        // No LISTEN/NOTIFY: a job this node queues wakes this node's workers through Hangfire's
        // in-process signal, and other nodes' workers find it at their next poll. Long polling
        // opened a listening connection for every fetch: the server's CPU per submission at 200/s
        // offered, one node, went from 3.40 to 2.79 ms without it (docs/performance.md).
        EnableLongPolling = false,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
    };
}
