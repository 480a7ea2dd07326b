using Grader.Worker.Settings;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Host;

/// <summary>
/// Runs the hosted service: Kestrel on the configured address, the API, the pages, the queue and
/// its dashboard. The service is composed in <c>Program.cs</c> (<see cref="Build"/>), room by room.
/// </summary>
public static partial class GraderService
{
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

    /// <summary>The address to listen on (<see cref="GraderOptions.Url"/>), read before the host is built.</summary>
    private static string ListeningUrl(IConfiguration configuration) =>
        configuration.GetSection(GraderOptions.Section).GetValue<string>(nameof(GraderOptions.Url)) ?? new GraderOptions().Url;
}
