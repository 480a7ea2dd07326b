using System.Xml.Linq;

namespace Grader.Worker.Tests.Cli;

/// <summary>The <c>graph</c> verb: the key's graph or a student's, to standard output or a file; bad targets and hostile answers refused.</summary>
public class GraphCommandTests
{
    [Fact]
    public void Draws_a_key_graph_to_standard_output_by_assignment_id()
    {
        var (exit, output, error) = Cli.Run("graph", "sin-network", "y", "--assignments", Repo.Assignments);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("svg", XDocument.Parse(output).Root!.Name.LocalName);
    }

    [Fact]
    public void Draws_a_students_answer_to_a_file()
    {
        using var dir = new TempDir();
        var svg = Path.Combine(dir.Path, "g.svg");
        var (exit, _, error) = Cli.Run("graph", Repo.Assignment("backprop-examples"), "graph-qz", "--answers", Path.Combine(Repo.Assignments, "answers", "backprop-examples.seed-002.json"), "-o", svg);
        Assert.True(exit == 0, error);
        var text = File.ReadAllText(svg);
        var texts = XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("x + y", texts);
        Assert.Contains("-12", texts);
    }

    [Theory]
    [InlineData("nope", "'nope' is neither a graph question nor a graph node of sin-network")]
    [InlineData("forward", "'forward' is neither a graph question nor a graph node")]
    public void An_unknown_target_is_refused(string target, string message)
    {
        var (exit, output, error) = Cli.Run("graph", Repo.Assignment("sin-network"), target);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Fact]
    public void A_hostile_answer_is_refused_without_a_drawing()
    {
        using var dir = new TempDir();
        var lines = string.Concat(Enumerable.Range(0, 10_000).Select(i => $"    - n{i} = x + 1\n"));
        var file = dir.Write("a.yaml", $"assignment: sin-network\nstudent: s\nanswers:\n  draw-forward:\n{lines}");
        var (exit, output, error) = Cli.Run("graph", Repo.Assignment("sin-network"), "draw-forward", "--answers", file);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("invalid: the graph has 10000 nodes; the limit is 200", error);
    }
}
