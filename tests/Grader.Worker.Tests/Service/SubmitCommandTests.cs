using Grader.Worker.Tests.Cli;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class SubmitCommandTests
{
    [Fact]
    public async Task Submit_sends_a_file_and_waits_for_its_grade()
    {
        await using var service = await TestService.StartAsync();
        var file = Path.Combine(Repo.Assignments, "answers", "residual-block.seed-003.yaml");
        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("submit", file, "--server", service.Http.BaseAddress!.ToString(), "--wait"));
        Assert.True(exit == 0, error);
        Assert.Contains("accepted", output);
        Assert.Contains($"report: {service.Http.BaseAddress!.ToString().TrimEnd('/')}/submissions/", output);
        Assert.Contains("\"status\":\"graded\"", output);
        Assert.Contains("\"score\":7", output);
    }

    [Fact]
    public async Task A_rejected_submission_says_why()
    {
        await using var service = await TestService.StartAsync();
        using var dir = new TempDir();
        var file = dir.Write("x.yaml", "assignment: tanh-network\nanswers: {forward: 1}\n");
        var (exit, _, error) = await Task.Run(() => Cli.Cli.Run("submit", file, "--server", service.Http.BaseAddress!.ToString()));
        Assert.Equal(1, exit);
        Assert.Contains("no student id", error);
    }

    [Fact]
    public async Task Regrade_on_the_command_line_needs_the_TA_token()
    {
        await using var service = await TestService.StartAsync();
        var server = service.Http.BaseAddress!.ToString();
        var (refused, _, _) = await Task.Run(() => Cli.Cli.Run("regrade", "tanh-network", "--server", server, "--token", "wrong"));
        Assert.Equal(1, refused);
        var (exit, output, error) = await Task.Run(() => Cli.Cli.Run("regrade", "tanh-network", "--server", server, "--token", TestService.TaToken));
        Assert.True(exit == 0, error);
        Assert.Contains("tanh-network has no submissions to grade again", output);
        (exit, output, error) = await Task.Run(() => Cli.Cli.Run("regrade", "tanh-network", "--server", server, "--token", TestService.TaToken, "--format", "json"));
        Assert.True(exit == 0, error);
        Assert.Contains("\"queued\":0", output);
    }

    [Fact]
    public void An_unreachable_server_is_a_clear_error()
    {
        var file = Path.Combine(Repo.Assignments, "answers", "residual-block.seed-003.yaml");
        var (exit, _, error) = Cli.Cli.Run("submit", file, "--server", $"http://127.0.0.1:{ChildService.FreePort()}");
        Assert.Equal(2, exit);
        Assert.Contains("cannot reach the grading service", error);
    }
}
