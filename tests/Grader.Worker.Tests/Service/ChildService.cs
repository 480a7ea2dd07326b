using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grader.Worker.Tests.Service;

/// <summary>The service as a child process (<c>dotnet Grader.Worker.dll serve</c>) on a free loopback port.</summary>
public sealed class ChildService : IDisposable
{
    private readonly Process process;

    private ChildService(Process process, int port)
    {
        this.process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestService.TaToken);
    }

    public HttpClient Http { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int Port { get; }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string Output => string.Join('\n', output);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    /// <summary>Starts the service; <paramref name="launcher"/> runs it under another command (e.g. <c>prlimit --nofile=512:512</c>).</summary>
    public static async Task<ChildService> StartAsync(TempDir dir, int? port = null, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        port ??= FreePort();
        var worker = Path.Combine(AppContext.BaseDirectory, "Grader.Worker.dll");
        string[] command = [.. launcher ?? [], "dotnet", worker, "serve"];
        var start = new ProcessStartInfo(command[0], command[1..])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir.Path,
        };
        start.Environment["Grader__DatabasePath"] = Path.Combine(dir.Path, "grader.db");
        start.Environment["Grader__AssignmentsPath"] = Repo.Assignments;
        start.Environment["Grader__InboxPath"] = Path.Combine(dir.Path, "inbox");
        start.Environment["Grader__Url"] = $"http://127.0.0.1:{port}";
        start.Environment["Grader__TaToken"] = TestService.TaToken;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Grader__Limits__RequestsPerSecondPerClient"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        var child = new ChildService(process, port.Value);
        void Keep(string? line)
        {
            if (line is not null)
            {
                child.output.Enqueue(line);
                while (child.output.Count > 200 && child.output.TryDequeue(out _))
                {
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the service exited during start: " + child.Output);
            try
            {
                if ((await child.Http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return child;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        child.Kill();
        throw new TimeoutException("the service did not start within 60 s");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: no chance to clean up.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, then waits for the exit code.</summary>
    public async Task<int> TerminateAsync(int seconds = 60)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        Http.Dispose();
        process.Dispose();
    }
}
