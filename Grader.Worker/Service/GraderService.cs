using Grader.Worker.Hardening;
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
        builder.AddGraderHttpLimits();
        builder.AddGraderServices();
        var url = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>()?.Url ?? new GraderOptions().Url;
        builder.WebHost.UseUrls(url);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        var app = builder.Build();
        app.UseGraderHttpLimits();
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new TaDashboardAuthorization(app.Services.GetRequiredService<TaTokenStore>())],
            AppPath = "/",
            DashboardTitle = "Grader: grading queue",
        }, app.Services.GetRequiredService<JobStorage>());
        app.UseStaticAssetFolders();
        app.UseAntiforgery();
        app.MapGraderApi();
        app.MapExtensions();
        app.MapReportPages();
        app.MapRosterRoutes();
        app.MapStudentPages();
        return app;
    }

    /// <summary>
    /// Runs until SIGTERM or Ctrl+C; in-flight grading finishes first. A start that fails prints
    /// one line on <paramref name="error"/> and returns its exit code (3: cannot listen, 4: invalid settings).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        try
        {
            var app = Build(args);
            var options = app.Services.GetRequiredService<IOptions<GraderOptions>>().Value;
            app.Lifetime.ApplicationStarted.Register(() =>
                app.Logger.LogInformation("Grader listening on {Urls}; database {Database}", string.Join(", ", app.Urls),
                    options.Database.IsPostgres ? "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(options.Database.ConnectionString) { Password = null }.ConnectionString : Path.GetFullPath(options.DatabasePath)));
            await app.RunAsync();
            return Cli.ExitCodes.Ok;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"grader: cannot listen: {ex.Message}");
            return Cli.ExitCodes.CannotListen;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            error.WriteLine($"grader: cannot listen: {ex.Message}");
            return Cli.ExitCodes.CannotListen;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or FormatException or ArgumentException)
        {
            error.WriteLine($"grader: invalid settings: {ex.Message}");
            return Cli.ExitCodes.InvalidSettings;
        }
    }
}
