namespace Grader.Worker.Tests.Cli;

/// <summary>publish warns when the assignment's due date or late window is already past (the file is still published).</summary>
public class PublishWarningTests
{
    private const string Body = "title: t\nvalues:\n  x: 1\nquestions:\n  - { id: q, answer: x }\n";

    [Theory]
    [InlineData("due: 2020-01-01T00:00Z\n", "the due date 2020-01-01 00:00 +00:00 is already past: every submission will be refused as closed")]
    [InlineData("due: 2020-01-01T00:00Z\nlate: { until: 2020-01-03T00:00Z, penalty: 10% }\n", "the late window closed on 2020-01-03 00:00 +00:00, which is already past")]
    [InlineData("due: 2020-01-01T00:00Z\nlate: { until: 2999-01-01T00:00Z, penalty: 10% }\n", "the due date 2020-01-01 00:00 +00:00 is already past: submissions count as late")]
    public void A_past_date_is_a_warning(string dates, string warning)
    {
        using var dir = new TempDir();
        var file = dir.Write("hw.yaml", "id: hw\n" + dates + Body);
        var (exit, _, error) = Cli.Run("publish", file, "--server", $"http://127.0.0.1:{Service.ChildService.FreePort()}", "--assignments", dir.Path);
        Assert.True(exit == 0, error);
        Assert.Contains("warning: " + file + ": " + warning, error);
    }

    [Fact]
    public void A_future_due_date_is_no_warning()
    {
        using var dir = new TempDir();
        var file = dir.Write("hw.yaml", "id: hw\ndue: 2999-01-01T00:00Z\n" + Body);
        var (exit, _, error) = Cli.Run("publish", file, "--server", $"http://127.0.0.1:{Service.ChildService.FreePort()}", "--assignments", dir.Path);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("warning", error);
    }
}
