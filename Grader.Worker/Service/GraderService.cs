using Grader.Worker.Reports;
using Hangfire;
using Grader.Worker.Students;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Service;

/// <summary>Builds and runs the hosted service: Kestrel on the configured address, the API, the pages, the queue and its dashboard.</summary>
public static class GraderService
{
    /// <summary>Builds the web application; <paramref name="configure"/> may add settings (tests use it).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        builder.AddGraderServices();
        var url = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>()?.Url ?? new GraderOptions().Url;
        builder.WebHost.UseUrls(url);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        var app = builder.Build();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new TaDashboardAuthorization(app.Services.GetRequiredService<TaTokenStore>())],
            AppPath = "/",
            DashboardTitle = "Grader: grading queue",
        });
        app.UseStaticAssetFolders();
        app.UseAntiforgery();
        app.MapGraderApi();
        app.MapReportPages();
        app.MapRosterRoutes();
        app.MapStudentPages();
        return app;
    }

    /// <summary>Runs until SIGTERM or Ctrl+C; in-flight grading finishes first.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        var options = app.Services.GetRequiredService<IOptions<GraderOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() =>
            app.Logger.LogInformation("Grader listening on {Urls}; database {Database}", string.Join(", ", app.Urls),
                options.Database.IsPostgres ? "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(options.Database.ConnectionString) { Password = null }.ConnectionString : Path.GetFullPath(options.DatabasePath)));
        await app.RunAsync();
        return 0;
    }
}
