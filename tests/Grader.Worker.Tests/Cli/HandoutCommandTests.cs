using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Grader.Worker.Tests.Cli;

public class HandoutCommandTests
{
    [Theory]
    [InlineData("s1234")]
    [InlineData("Ada ")]
    public void The_JSON_handout_has_the_values_of_key_student_and_no_answers(string student)
    {
        var (exit, json, error) = Cli.Run("handout", Repo.Assignment("svm-random"), "--student", student, "--format", "json");
        Assert.True(exit == 0, error);
        var (_, key, _) = Cli.Run("key", Repo.Assignment("svm-random"), "--student", student.Trim().ToLowerInvariant(), "--format", "json");
        using var handout = JsonDocument.Parse(json);
        using var keyDoc = JsonDocument.Parse(key);
        Assert.Equal(JsonSerializer.Serialize(keyDoc.RootElement.GetProperty("values")), JsonSerializer.Serialize(handout.RootElement.GetProperty("values")));
        Assert.Equal(student.Trim(), handout.RootElement.GetProperty("student").GetString());
        Assert.False(handout.RootElement.TryGetProperty("answers", out _));
        // No number of the key's answers appears, unless it is also one of the values.
        var values = keyDoc.RootElement.GetProperty("values").GetRawText();
        foreach (var answer in keyDoc.RootElement.GetProperty("answers").EnumerateObject().Where(a => a.Value.ValueKind == JsonValueKind.Number))
        {
            if (!values.Contains(answer.Value.GetRawText(), StringComparison.Ordinal))
            {
                Assert.DoesNotContain(answer.Value.GetRawText(), json);
            }
        }
    }

    [Fact]
    public void The_text_and_HTML_handouts_show_the_questions_without_answers()
    {
        var (exit, text, error) = Cli.Run("handout", Repo.Assignment("svm-random"), "--student", "s1234");
        Assert.True(exit == 0, error);
        Assert.Contains("student s1234", text);
        Assert.DoesNotContain("grad(L, W)", text);
        (exit, var html, error) = Cli.Run("handout", Repo.Assignment("svm-random"), "--student", "s1234", "--format", "html");
        Assert.True(exit == 0, error);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("s1234", document.QuerySelector("#student")!.TextContent);
        Assert.Equal(6, document.QuerySelectorAll(".question").Length);
        Assert.All(document.QuerySelectorAll(".question"), q => Assert.Contains("within 1% or 0.001", q.TextContent));
        (exit, var json, error) = Cli.Run("handout", Repo.Assignment("svm-random"), "--student", "s1234", "--format", "json");
        Assert.True(exit == 0, error);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.All(doc.RootElement.GetProperty("questions").EnumerateArray(), q => Assert.Equal("within 1% or 0.001", q.GetProperty("precision").GetString()));
    }

    [Fact]
    public void The_text_handout_prints_the_course_rules_and_each_question_s_precision()
    {
        using var dir = new TempDir();
        var file = dir.Write("hw3.yaml", """
            id: hw3
            title: Rules
            timezone: Europe/Berlin
            opens: 2026-11-24T09:00
            due: 2026-12-01T17:00
            late: { until: 2026-12-04T17:00, penalty: 10% per day }
            attempts: { max: 3, penalty: 5% }
            regrade_requests: "7 days after key release"
            questions:
              - { id: a, answer: "1", tolerance: { sigfigs: 4 } }
              - { id: b, answer: "2", tolerance: { abs: 0.001, rel: 0 }, points: 2 }
            """);
        var (exit, text, error) = Cli.Run("handout", file, "--student", "ada");
        Assert.True(exit == 0, error);
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        var at = lines.IndexOf("course rules");
        Assert.True(at > 0, text);
        Assert.Equal(
            [
                "  opens             2026-11-24 09:00 UTC+01:00",
                "  due               2026-12-01 17:00 UTC+01:00",
                "  late until        2026-12-04 17:00 UTC+01:00 (10% per day)",
                "  attempts          3, 5% off each after the first",
                "  counts            the best submission, penalties applied",
                "  regrade requests  7 days after key release",
            ],
            lines.Skip(at + 1).Take(6));
        Assert.Contains("  a  (1 point, 4 significant figures)", lines);
        Assert.Contains("  b  (2 points, within 0.001)", lines);
    }

    [Fact]
    public void All_students_on_the_class_list_get_a_printable_page_with_their_own_values()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "grader.db");
        var csv = dir.Write("class.csv", "student,name\nada,Ada\nbob,Bob\n\"c/y\",Cy\n");
        Assert.Equal(0, Cli.Run("roster", "import", csv, "--database", db).Exit);
        var outDir = Path.Combine(dir.Path, "handouts");
        var (exit, output, error) = Cli.Run("handout", "svm-random", "--all", "--out", outDir, "--database", db, "--assignments", Repo.Assignments);
        Assert.True(exit == 0, error);
        Assert.Contains("wrote 3 handout(s)", output);
        Assert.True(File.Exists(Path.Combine(outDir, "katex", "katex.min.js")), "KaTeX is copied beside the pages");
        Assert.True(File.Exists(Path.Combine(outDir, "assets", "grader.css")));

        var pages = Directory.EnumerateFiles(outDir, "*.html").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["ada.html", "bob.html", "c_y.html"], pages);
        var parser = new HtmlParser();
        var seen = new HashSet<string>();
        foreach (var (file, student) in new[] { ("ada.html", "ada"), ("bob.html", "bob"), ("c_y.html", "c/y") })
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(outDir, file)));
            Assert.Equal(student, document.QuerySelector("#student")!.TextContent);
            var (_, key, _) = Cli.Run("key", Repo.Assignment("svm-random"), "--student", student, "--format", "json");
            var w = JsonDocument.Parse(key).RootElement.GetProperty("values").GetProperty("W");
            var cells = document.QuerySelectorAll("figure[data-value='W'] td").Select(td => double.Parse(td.TextContent, CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(w.EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetDouble()), cells);
            Assert.Equal("assets/grader.css", document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
            seen.Add(string.Join(",", cells));
        }

        Assert.Equal(3, seen.Count);
    }

    [Theory]
    [InlineData(new[] { "svm-random" }, "say whose handout")]
    [InlineData(new[] { "svm-random", "--all" }, "--out DIR")]
    [InlineData(new[] { "no-such-assignment", "--student", "a" }, "neither an assignment file nor the id of one")]
    public void Usage_errors_are_clear(string[] args, string error)
    {
        var (exit, _, stderr) = Cli.Run(["handout", .. args, "--assignments", Repo.Assignments]);
        Assert.Equal(1, exit);
        Assert.Contains(error, stderr);
    }
}
