using Grader.Worker.Grading;
using Grader.Worker.Intake;
using Grader.Worker.Tests.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Grading;

/// <summary>
/// The nodes sharing a database count each other (Hangfire's servers with a recent heartbeat), and
/// intake shares the cluster's concurrent writers (<c>Grader:Database:IntakeWriters</c>, 2 by default)
/// among them: a node alone on PostgreSQL stores two bursts at once, each of two nodes one.
/// </summary>
[Collection("service")]
public class LiveNodesTests
{
    [Fact]
    public async Task A_node_on_SQLite_is_alone_and_stores_one_burst_at_a_time()
    {
        await using var service = await TestService.StartAsync();
        Assert.Equal(1, service.Services.GetRequiredService<LiveNodes>().Refresh());
        Assert.Equal(1, service.Services.GetRequiredService<SubmissionWriter>().Writers);
    }

    [PostgresFact]
    public async Task Nodes_on_PostgreSQL_count_each_other_and_share_the_writers_as_they_come_and_go()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("grader");
        await using var a = await StartAsync(connectionString, writers: null);
        var nodesA = a.Services.GetRequiredService<LiveNodes>();
        var writerA = a.Services.GetRequiredService<SubmissionWriter>();
        await CountsAsync(nodesA, 1);
        Assert.Equal(2, writerA.Writers);

        await using (var b = await StartAsync(connectionString, writers: null))
        {
            await CountsAsync(nodesA, 2);
            await CountsAsync(b.Services.GetRequiredService<LiveNodes>(), 2);
            Assert.Equal(1, writerA.Writers);
            Assert.Equal(1, b.Services.GetRequiredService<SubmissionWriter>().Writers);
            Assert.Equal(2, (await Operations.Scrape.ReadAsync(a)).Value("grader_live_nodes"));
        }

        await CountsAsync(nodesA, 1); // B stopped: its server left the list
        Assert.Equal(2, writerA.Writers);

        await using var c = await StartAsync(connectionString, writers: 4); // a cluster set to four writers: two each
        await CountsAsync(c.Services.GetRequiredService<LiveNodes>(), 2);
        Assert.Equal(2, c.Services.GetRequiredService<SubmissionWriter>().Writers);
    }

    private static Task<TestService> StartAsync(string connectionString, int? writers)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Grader:Database:Provider"] = "postgres",
            ["Grader:Database:ConnectionString"] = connectionString,
        };
        if (writers is { } w)
        {
            settings["Grader:Database:IntakeWriters"] = w.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TestService.StartAsync(configure: b => b.Configuration.AddInMemoryCollection(settings));
    }

    /// <summary>Reads the count again until it is <paramref name="expected"/> (a server announces itself just after its host starts, and leaves as it stops), for at most 30 seconds.</summary>
    private static async Task CountsAsync(LiveNodes nodes, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (nodes.Refresh() != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, nodes.Count);
    }
}
