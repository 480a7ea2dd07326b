using System.Xml.Linq;
using Grader.Domain.Assignments;
using Grader.Domain.Graphs;
using Grader.Worker.Graphs;

namespace Grader.Worker.Tests.Graphs;

/// <summary>
/// The drawn SVG parses as XML and holds every node's label and, annotated, every value at 4
/// significant figures (in full in the titles). Seed 002's sigmoid neuron at w0 = 2, x0 = −1,
/// w1 = −3, x1 = −2, w2 = −3: s = −2 + 6 − 3 = 1, σ(1) = 0.7311, σ′(1) = e⁻¹/(1 + e⁻¹)² = 0.1966.
/// </summary>
public class GraphSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Draw(string assignment, string target, bool annotate)
    {
        var loaded = AssignmentLoader.LoadFile(Repo.Assignment(assignment)).Assignment!;
        var (picture, error) = GraphPictures.OfKey(AnswerKeyBuilder.Build(loaded, null), target, annotate);
        Assert.True(picture is not null, error);
        return XDocument.Parse(GraphSvg.Write(picture!));
    }

    private static List<string> Texts(XDocument doc, string cls) =>
        [.. doc.Descendants(Svg + "text").Where(t => (string?)t.Attribute("class") == cls).Select(t => t.Value)];

    [Fact]
    public void The_key_graph_holds_every_node_label()
    {
        var doc = Draw("sin-network", "draw-loss", annotate: false);
        Assert.Equal(["s", "y.1", "y", "L"], Texts(doc, "name"));
        Assert.Equal(["w", "x", "b", "y_true", "w @ x", "sin(s)", "y.1 - b", "mse(y, y_true)"], Texts(doc, "label"));
        Assert.Empty(Texts(doc, "value"));
    }

    [Fact]
    public void An_annotated_key_graph_holds_every_value_and_gradient()
    {
        var doc = Draw("backprop-examples", "graph-neuron", annotate: true);
        var sigmaPrime = Math.Exp(-1) / Math.Pow(1 + Math.Exp(-1), 2);

        // Inputs w0, x0, w1, x1, w2, then s.1 = w0·x0, s.2 = w1·x1, s.3, s, n = σ(s); each value above its edge.
        string[] values = ["2", "-1", "-3", "-2", "-3", "-2", "6", "4", "1", "0.7311"];
        string[] grads = ["-0.1966", "0.3932", "-0.3932", "-0.5898", "0.1966", "0.1966", "0.1966", "0.1966", "0.1966", "1"];
        Assert.Equal(values.Order(StringComparer.Ordinal), Texts(doc, "value").Order(StringComparer.Ordinal));
        Assert.Equal(grads.Order(StringComparer.Ordinal), Texts(doc, "grad").Order(StringComparer.Ordinal));
        var titles = doc.Descendants(Svg + "title").Select(t => t.Value).ToList();
        Assert.Contains($"s = s.3 + w2; value 1; gradient {sigmaPrime.ToString("G15", System.Globalization.CultureInfo.InvariantCulture)}", titles);
    }

    [Fact]
    public void A_students_graph_marks_its_wrong_lines_and_draws_what_it_cannot_grade()
    {
        var answer = GraphAnswerReader.Read("s = w @ x\nt = cos(s) | value 1\ny = t - u\n");
        var doc = XDocument.Parse(GraphSvg.Write(GraphPictures.OfAnswer(answer, new HashSet<string> { "t" })!));
        var wrong = doc.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Contains("wrong") == true).ToList();
        Assert.Equal("cos(s)", Assert.Single(wrong).Elements(Svg + "text").First().Value);
        Assert.Equal(["w", "x", "u", "w @ x", "cos(s)", "t - u"], Texts(doc, "label"));
        Assert.Equal(["1"], Texts(doc, "value"));
    }

    [Fact]
    public void Labels_are_escaped()
    {
        var answer = GraphAnswerReader.Read("a = x + y\n");
        var picture = GraphPictures.OfAnswer(answer)!;
        var doc = XDocument.Parse(GraphSvg.Write(picture with { Nodes = [.. picture.Nodes.Select(n => n with { Title = "<script>&" })] }));
        Assert.All(doc.Descendants(Svg + "title").Skip(1), t => Assert.Equal("<script>&", t.Value));
    }
}
