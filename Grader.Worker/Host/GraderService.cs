using Grader.Worker.Access;
using Grader.Worker.Settings;
using Hangfire;
using Microsoft.Extensions.Options;
using Grader.Worker.Students;
using Grader.Worker.Reports;
using Grader.Worker.Pages.Ta;
using Grader.Worker.Pages.Student;
using Grader.Worker.Intake;
using Grader.Worker.Hardening;
using Grader.Worker.Grading;
using Grader.Worker.Course;

namespace Grader.Worker.Host;

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
        app.UseMiddleware<CrossSiteGuard>();
        app.UseTaOnly("/hangfire");
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new TaDashboardAuthorization(app.Services.GetRequiredService<TaTokenStore>())],
            AppPath = "/",
            DashboardTitle = "Grader: grading queue",
        }, app.Services.GetRequiredService<JobStorage>());
        app.UseStaticAssetFolders();
        app.UseAntiforgery();
        app.MapGraderApi();
        app.MapReadiness();
        app.MapExtensions();
        app.MapRegradeRequestApi();
        app.MapReportPages();
        app.MapRegradeRequestPages();
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
            if (AddressInUse(options.Url) is { } busy)
            {
                // Checked before the host starts, so the answer is this one line, not the host's logged stack trace.
                error.WriteLine($"grader: cannot listen: {busy}");
                return ExitCodes.CannotListen;
            }

            app.Lifetime.ApplicationStarted.Register(() =>
                app.Logger.LogInformation("Grader listening on {Urls}; database {Database}", string.Join(", ", app.Urls),
                    options.Database.IsPostgres ? "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(options.Database.ConnectionString) { Password = null }.ConnectionString : Path.GetFullPath(options.DatabasePath)));
            await app.RunAsync();
            return ExitCodes.Ok;
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"grader: cannot listen: {ex.Message}");
            return ExitCodes.CannotListen;
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            error.WriteLine($"grader: cannot listen: {ex.Message}");
            return ExitCodes.CannotListen;
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or FormatException or ArgumentException)
        {
            error.WriteLine($"grader: invalid settings: {ex.Message}");
            return ExitCodes.InvalidSettings;
        }
    }

    /// <summary>Why <paramref name="url"/>'s port cannot be listened on (another process has it), or null.</summary>
    private static string? AddressInUse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(System.Net.IPAddress.TryParse(uri.Host, out var address) || uri.IsLoopback))
        {
            return null;
        }

        var listener = new System.Net.Sockets.TcpListener(address ?? System.Net.IPAddress.Loopback, uri.Port);
        try
        {
            listener.Start();
            return null;
        }
        catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        {
            return $"address already in use: {url} (another process listens there; stop it, or set Grader__Url to another port)";
        }
        catch (System.Net.Sockets.SocketException)
        {
            return null; // Kestrel will say what is wrong
        }
        finally
        {
            listener.Stop();
        }
    }
}
