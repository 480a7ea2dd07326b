using Grader.Worker.Access;
using Grader.Worker.Cli;
using Grader.Worker.Course;
using Grader.Worker.Grading;
using Grader.Worker.Hardening;
using Grader.Worker.Intake;
using Grader.Worker.Operations;
using Grader.Worker.Pages;
using Grader.Worker.Reports;
using Grader.Worker.Students;

// `Grader.Worker VERB ...` runs one command-line verb; no verb (or `serve`) runs the service
// composed below (GraderService.Build), until SIGTERM or Ctrl+C.
return await GraderCommandLine.RunAsync(args, Console.Out, Console.Error);

namespace Grader.Worker.Host
{
    /// <summary>The composition root: the service put together room by room (docs/worker-rooms.md).</summary>
    public static partial class GraderService
    {
        /// <summary>Builds the web application; <paramref name="configure"/> may add settings (tests use it).</summary>
        public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            configure?.Invoke(builder);

            // Settings (each options class bound once, validated at start), defences, the database.
            builder.AddGraderSettings();
            builder.AddGraderHttpLimits();
            builder.AddGraderDatabase();
            builder.Services.AddGraderHealthChecks();

            // The first background service to start, ahead of those the framework's features
            // register below (the data-protection key ring, which the pages' antiforgery tokens
            // read from the database, and telemetry): the database is created or upgraded first.
            builder.Services.AddHostedService<StartupService>();

            // The rooms' services.
            builder.AddAccess();
            builder.AddCourse();
            builder.AddGrading();
            builder.AddIntake();
            builder.AddReports();
            builder.AddStudents();
            builder.AddPages();
            builder.AddOperations();

            // Background services start in this order (after StartupService above) and stop in the
            // reverse; the writer stops after everything that writes.
            builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionWriter>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<GradingQueue>());
            builder.AddGradingServer();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveNodes>());
            builder.Services.AddHostedService<InboxWatcher>();
            builder.Services.AddHostedService<AssignmentWatcher>();
            builder.Services.AddHostedService<WalCheckpointService>();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
            builder.WebHost.UseUrls(ListeningUrl(builder.Configuration));

            var app = builder.Build();
            app.UseGraderHttpLimits();
            app.UseStaticAssetFolders();
            app.UseAntiforgery();

            // Every route sits in the group of its access rule (Access/AccessRule.cs), which also guards it against cross-site requests.
            app.MapAccessGroup(AccessRule.Anyone).MapGet("/health", () => Results.Text("ok"));
            app.MapAccessGroup(AccessRule.Anyone).MapReadiness();
            app.MapSignIn();
            app.MapIntake();
            app.MapCourse();
            app.MapGrading();
            app.MapReports();
            app.MapStudents();
            app.MapPages();
            app.MapOperations();
            return app;
        }
    }
}
