using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Host;

/// <summary>The settings are checked when the service starts: a bad one stops it with one line naming it.</summary>
[Collection("service")]
public class GraderServiceExtensionsTests
{
    private const string Writers = "Grader:Database:IntakeWriters (the bursts the cluster stores at once) must be from 1 to 64";

    [Theory]
    [InlineData("--Grader:TaToken=short", "TA token (Grader:TaToken) is too short: it must be at least 16 characters")]
    [InlineData("--Grader:Database:IntakeWriters=0", Writers)]
    [InlineData("--Grader:Database:IntakeWriters=-2", Writers)]
    [InlineData("--Grader:Database:IntakeWriters=65", Writers)]
    public void A_bad_setting_stops_the_service_at_start_with_one_line_naming_it(string setting, string expected)
    {
        using var dir = new TempDir();
        var (exit, _, error) = Cli.Cli.Run("serve", setting, $"--Grader:DatabasePath={dir.Path}/grader.db",
            $"--Grader:InboxPath={dir.Path}/inbox", $"--Grader:AssignmentsPath={Repo.Assignments}", "--Grader:Url=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=None");
        Assert.Equal(4, exit);
        Assert.Contains("grader: invalid settings:", error);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
