using System.Text.Json;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Domain.Tests.Graphs;

namespace Grader.Domain.Tests.Output;

/// <summary>A graph question's report JSON: given and expected lines, parts and nodes; read back as written; the key withheld from students.</summary>
public class GraphReportJsonTests
{
    private static GradeReport Report()
    {
        var q = GraphGraderTests.GradeYaml(GraphGraderTests.Product, GraphGraderTests.ProductAnswer.Replace("{ input: x, grad: -4 }", "{ input: x, grad: 4 }"));
        return new GradeReport("t", "s", q.Score, q.MaxScore, [q], []);
    }

    [Fact]
    public void The_report_holds_given_expected_parts_and_nodes()
    {
        using var doc = JsonDocument.Parse(GradeReportJson.Write(Report()));
        var q = doc.RootElement.GetProperty("questions")[0];
        Assert.Equal(["q = x + y", "f = q * z"], q.GetProperty("expected").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("x | grad 4", q.GetProperty("given")[2].GetString());
        Assert.Equal(3.5, q.GetProperty("parts").GetProperty("function").GetProperty("score").GetDouble());
        Assert.Equal(1.75 - 0.25, q.GetProperty("parts").GetProperty("annotations").GetProperty("score").GetDouble(), 12);
        var x = q.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "x");
        Assert.Equal("wrong", x.GetProperty("grad").GetString());
        Assert.Equal("x", x.GetProperty("matched").GetString());
    }

    [Fact]
    public void The_report_reads_back_as_written()
    {
        var report = Report();
        var back = GradeReportJsonReader.Read(GradeReportJson.Write(report));
        Assert.Equal(GradeReportJson.Write(report), GradeReportJson.Write(back));
        Assert.Equal(report.Questions[0].Graph!.Parts, back.Questions[0].Graph!.Parts);
    }

    [Fact]
    public void A_students_view_withholds_the_key_lines_and_matches()
    {
        var student = KeyRedaction.ForStudent(Report(), _ => true);
        using var doc = JsonDocument.Parse(GradeReportJson.Write(student));
        var q = doc.RootElement.GetProperty("questions")[0];
        Assert.Equal(JsonValueKind.Null, q.GetProperty("expected").ValueKind);
        Assert.False(q.TryGetProperty("expectedValue", out _));
        Assert.All(q.GetProperty("nodes").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("matched").ValueKind));
    }
}
