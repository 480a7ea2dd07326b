using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Grader.Tests;

/// <summary>
/// A throw-away PostgreSQL server (Debian's binaries, /usr/lib/postgresql/N/bin): initdb and
/// pg_ctl in a temporary folder on a free loopback port, run as the <c>postgres</c> user when the
/// tests run as root (PostgreSQL refuses to run as root). The tests turn fsync off (the server
/// itself is never killed there, the service processes are); the benchmark keeps it on.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder;

    private PostgresServer(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    /// <summary>Why PostgreSQL tests are skipped on this machine, or null when they can run.</summary>
    public static string? Unavailable { get; } = BinDirectory() is null
        ? "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin: apt-get install postgresql (bash .ci/run does)"
        : null;

    public int Port { get; }

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<PostgresServer> StartAsync(bool fsync = false)
    {
        var bin = BinDirectory() ?? throw new InvalidOperationException(Unavailable);
        var folder = Path.Combine(IsRoot ? "/tmp" : Path.GetTempPath(), "grader-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres:postgres", folder);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        var port = FreePort();
        var server = new PostgresServer(folder, port) { fsync = fsync };
        await server.StartAgainAsync();
        return server;
    }

    private bool fsync;

    /// <summary>The server's main process (its first line of <c>postmaster.pid</c>), whose children are its backends.</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stops the server (fast shutdown: connections are closed); <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(BinDirectory()!, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "fast", "-w", "stop");

    /// <summary>Starts the server (again) with its data, on its port.</summary>
    public Task StartAgainAsync() => RunAsync(Path.Combine(BinDirectory()!, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync={(fsync ? "on" : "off")} -c max_connections=300", "start");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=50;Timeout=30;Command Timeout=60";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(BinDirectory()!, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? BinDirectory()
    {
        var root = "/usr/lib/postgresql";
        return !Directory.Exists(root) ? null : Directory.EnumerateDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Runs a command (as the postgres user when root runs the tests, except chown) and throws with its output if it fails.</summary>
    private static async Task RunAsync(string file, params string[] args)
    {
        var asPostgres = IsRoot && file != "chown";
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in asPostgres ? ["-u", "postgres", "--", file, .. args] : args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
