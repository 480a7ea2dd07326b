using Npgsql;

namespace Grader.Data.Tests;

public class PostgresDatabaseTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Database=grader", 32, 2)]
    [InlineData("Host=127.0.0.1;Database=grader;Max Auto Prepare=0", 0, 2)] // the operator's choice stands: nothing is prepared
    [InlineData("Host=127.0.0.1;Database=grader;Max Auto Prepare=8;Auto Prepare Min Usages=3", 8, 3)]
    [InlineData("Host=127.0.0.1;Database=grader;Auto Prepare Min Usages=5", 32, 5)]
    [InlineData("Host=127.0.0.1;Database=grader;maxautoprepare=4", 4, 2)]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise(string connectionString, int maxAutoPrepare, int minUsages)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresDatabase.WithAutoPrepare(connectionString));
        Assert.Equal((maxAutoPrepare, minUsages), (settings.MaxAutoPrepare, settings.AutoPrepareMinUsages));
        Assert.Equal("grader", settings.Database);
    }
}
