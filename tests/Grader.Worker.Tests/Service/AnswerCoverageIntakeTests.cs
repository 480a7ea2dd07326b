namespace Grader.Worker.Tests.Service;

/// <summary>
/// An answer file whose ids match no question of its assignment (or with no answers) is refused
/// at intake: 400 with the ids it probably meant, stored as rejected, graded never; and `grade` exits 1.
/// </summary>
public class AnswerCoverageIntakeTests
{
    [Theory]
    [InlineData("answers:\n  forwrd: 0.3\n", "none of the answers matches a question of tanh-network (did you mean 'forwrd' → 'forward'?)")]
    [InlineData("answers:\n", "the answer file has no answers for tanh-network (answers: is empty)")]
    public async Task A_file_answering_nothing_is_refused_and_stored_as_rejected(string answers, string error)
    {
        await using var service = await TestService.StartAsync();
        var (status, body) = await service.PostAsync("assignment: tanh-network\nstudent: s1\n" + answers);
        Assert.Equal(400, status);
        Assert.Equal(error, body.GetProperty("error").GetString());
        var stored = await service.GetAsync(body.GetProperty("id").GetInt64());
        Assert.Equal("rejected", stored.GetProperty("status").GetString());
    }

    [Fact]
    public void Grade_exits_1_for_a_file_answering_nothing()
    {
        using var dir = new TempDir();
        var answers = dir.Write("a.yaml", "assignment: tanh-network\nanswers:\n  zzz: 1\n");
        var (exit, _, error) = Cli.Cli.Run("grade", Path.Combine(Repo.Assignments, "tanh-network.yaml"), answers);
        Assert.Equal(1, exit);
        Assert.Contains("none of the answers matches a question of tanh-network", error);
    }
}
