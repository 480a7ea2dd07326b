using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Host;

/// <summary>The settings are checked when the service starts: a bad one stops it with one line naming it.</summary>
[Collection("service")]
public class GraderServiceExtensionsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("65")]
    public void Intake_writers_out_of_range_stop_the_service_at_start_with_one_line(string writers)
    {
        using var dir = new TempDir();
        var (exit, _, error) = Cli.Cli.Run("serve", $"--Grader:Database:IntakeWriters={writers}", $"--Grader:DatabasePath={dir.Path}/grader.db",
            $"--Grader:InboxPath={dir.Path}/inbox", $"--Grader:AssignmentsPath={Repo.Assignments}", "--Grader:Url=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=None");
        Assert.Equal(4, exit);
        Assert.Contains("grader: invalid settings:", error);
        Assert.Contains("Grader:Database:IntakeWriters (the bursts the cluster stores at once) must be from 1 to 64", error);
        Assert.Single(error.Trim().Split('\n'));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
