using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Grader.Worker.Tests.Cli;

/// <summary>The hostile corpus on the command line: one clear line and a documented exit code, never a trace or a hang.</summary>
public class HostileCliTests
{
    private static readonly string Tanh = Repo.Assignment("tanh-network");

    private static async Task<(int Exit, string Out, string Error)> RunBoundedAsync(params string[] args) =>
        await Task.Run(() => Cli.Run(args)).WaitAsync(TimeSpan.FromSeconds(60));

    private static void AssertNoTrace(string text)
    {
        Assert.DoesNotContain("Unhandled exception", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Grading_against_dev_zero_is_refused_without_reading_it()
    {
        var (exit, _, error) = await RunBoundedAsync("grade", Tanh, "/dev/zero");
        Assert.Equal(1, exit);
        Assert.Contains("/dev/zero:1:1: the file is empty or not a regular file (FIFOs, devices and sockets are not read)", error);
        AssertNoTrace(error);
    }

    [Fact]
    public async Task Submitting_dev_zero_is_refused_without_reading_it()
    {
        var (exit, _, error) = await RunBoundedAsync("submit", "/dev/zero", "--server", "http://127.0.0.1:9");
        Assert.Equal(1, exit);
        Assert.Contains("/dev/zero: the file is empty or not a regular file", error);
    }

    [Fact]
    public async Task Grading_a_FIFO_is_refused_without_waiting_for_a_writer()
    {
        using var dir = new TempDir();
        var fifo = Path.Combine(dir.Path, "answers.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var (exit, _, error) = await RunBoundedAsync("grade", Tanh, fifo);
        Assert.Equal(1, exit);
        Assert.Contains("not a regular file", error);
    }

    [Fact]
    public async Task A_file_past_the_limit_is_refused_by_its_size()
    {
        using var dir = new TempDir();
        var big = Path.Combine(dir.Path, "big.yaml");
        await File.WriteAllBytesAsync(big, HostileCorpus.HugeBody((1 << 20) + 1));
        var (exit, _, error) = await RunBoundedAsync("grade", Tanh, big);
        Assert.Equal(1, exit);
        Assert.Contains("file is 1048577 bytes; the limit is 1048576", error);
    }

    [Fact]
    public async Task Grade_refuses_an_assignment_with_a_cycle()
    {
        var answers = Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml");
        var (exit, output, error) = await RunBoundedAsync("grade", HostileCorpus.File("assignments/cycle.yaml"), answers);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("cannot be read as an assignment", error);
        Assert.Contains("cycle in the graph: a -> b -> a", error);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("key")]
    public async Task A_key_with_a_huge_padding_is_one_line_at_its_position(string verb)
    {
        var file = HostileCorpus.File("assignments/conv-padding.yaml");
        var (exit, output, error) = await RunBoundedAsync(verb, file);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}:6:", output + error);
        Assert.Contains("padding 1000000 must be at most the input size 1 or the window size less one 0", output + error);
        AssertNoTrace(output + error);
    }

    [Fact]
    public async Task A_hostile_answer_is_graded_invalid_and_the_report_is_printed()
    {
        var (exit, output, error) = await RunBoundedAsync("grade", Tanh, HostileCorpus.File("answers/conv-padding.yaml"), "--format", "json");
        Assert.Equal(0, exit);
        Assert.Contains("\"status\": \"invalid\"", output);
        Assert.Contains("padding 1000000 must be at most the input size 1", output);
        AssertNoTrace(error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Serve_help_prints_help_and_does_not_start_the_server(string flag)
    {
        var (exit, output, _) = await RunBoundedAsync("serve", flag);
        Assert.Equal(0, exit);
        Assert.Contains("Usage: Grader.Worker [serve]", output);
        Assert.Contains("Exit codes:", output);
    }

    [Fact]
    public async Task Serve_on_a_busy_port_prints_one_line_and_exits_3()
    {
        using var dir = new TempDir();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        // With the default logging: the host must not log a stack trace before the one line.
        var (exit, output, error) = await RunBoundedAsync("serve", $"--Grader:Url=http://127.0.0.1:{port}", $"--Grader:DatabasePath={dir.Path}/grader.db",
            $"--Grader:InboxPath={dir.Path}/inbox", $"--Grader:AssignmentsPath={Repo.Assignments}", "--Grader:TaToken=cli-test-token-0123456789");
        Assert.DoesNotContain("   at ", output + error);
        Assert.Equal(3, exit);
        Assert.StartsWith("grader: cannot listen:", error);
        Assert.Contains("address already in use", error);
        Assert.Single(error.Trim().Split('\n'));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
