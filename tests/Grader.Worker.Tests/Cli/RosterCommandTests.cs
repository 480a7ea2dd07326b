using System.Text;
using System.Text.Json;

namespace Grader.Worker.Tests.Cli;

public class RosterCommandTests
{
    [Fact]
    public void Import_list_and_reset_link_work_on_the_database_without_the_service()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "data", "grader.db");

        // An LMS export: byte-order mark, extra columns, a quoted name with a comma, an empty row, a repeated id.
        var csv = Path.Combine(dir.Path, "class.csv");
        File.WriteAllBytes(csv, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(
            "Section,student,name,email,Total\nA1,ada,\"Lovelace, Ada\",,90\n\nA1,bob,Bob,,70\nA2, ada ,\"Lovelace, Ada\",ada@example.org,\n")]);
        var (exit, output, error) = Cli.Run("roster", "import", csv, "--database", db);
        Assert.True(exit == 0, error);
        Assert.Contains("2 added, 0 updated, 0 unchanged; 2 students on the class list", output);
        Assert.Contains("class.csv:5: student 'ada' already on line 2; the last row wins", error);

        var students = List(db);
        Assert.Equal(["ada", "bob"], students.Select(s => s.GetProperty("student").GetString()));
        var ada = students[0];
        Assert.Equal(["student", "name", "email", "token", "link", "url"], ada.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Lovelace, Ada", ada.GetProperty("name").GetString());
        Assert.Equal("ada@example.org", ada.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, students[1].GetProperty("email").ValueKind);
        var token = ada.GetProperty("token").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", token);
        Assert.Equal("/s/" + token, ada.GetProperty("link").GetString());
        Assert.Equal("http://127.0.0.1:5080/s/" + token, ada.GetProperty("url").GetString()); // the default Url, as no PublicUrl is set
        Assert.NotEqual(token, students[1].GetProperty("token").GetString());

        // Importing again adds and updates, never removes, and keeps links.
        var again = dir.Write("again.csv", "student,name\nBOB,Robert\ncy,Cy\n");
        (exit, output, error) = Cli.Run("roster", "import", again, "--database", db);
        Assert.True(exit == 0, error);
        Assert.Contains("1 added, 1 updated, 0 unchanged; 3 students", output);
        students = List(db);
        Assert.Equal(["ada", "bob", "cy"], students.Select(s => s.GetProperty("student").GetString()));
        Assert.Equal(token, students[0].GetProperty("token").GetString());
        Assert.Equal("Robert", students[1].GetProperty("name").GetString());

        // A new link replaces the old token; an unknown student is an error.
        (exit, output, error) = Cli.Run("roster", "reset-link", "Ada", "--database", db);
        Assert.True(exit == 0, error);
        var fresh = List(db)[0].GetProperty("token").GetString()!;
        Assert.NotEqual(token, fresh);
        Assert.Contains("/s/" + fresh, output);
        (exit, _, error) = Cli.Run("roster", "reset-link", "nobody", "--database", db);
        Assert.Equal(1, exit);
        Assert.Contains("'nobody' is not on the class list", error);

        (exit, output, _) = Cli.Run("roster", "list", "--database", db);
        Assert.Equal(0, exit);
        Assert.Contains("/s/" + fresh, output);
    }

    [Theory]
    [InlineData("name,email\nAda,a@x\n", "a class list needs a 'student' column")]
    [InlineData(null, "no such file")]
    public void A_bad_file_is_refused_and_nothing_changes(string? text, string error)
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "grader.db");
        var csv = text is null ? Path.Combine(dir.Path, "missing.csv") : dir.Write("class.csv", text);
        var (exit, _, stderr) = Cli.Run("roster", "import", csv, "--database", db);
        Assert.Equal(1, exit);
        Assert.Contains(error, stderr);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Listing_without_a_database_says_so()
    {
        using var dir = new TempDir();
        var (exit, _, error) = Cli.Run("roster", "list", "--database", Path.Combine(dir.Path, "none.db"));
        Assert.Equal(1, exit);
        Assert.Contains("no database", error);
    }

    private static List<JsonElement> List(string db)
    {
        var (exit, output, error) = Cli.Run("roster", "list", "--format", "json", "--database", db);
        Assert.True(exit == 0, error);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
