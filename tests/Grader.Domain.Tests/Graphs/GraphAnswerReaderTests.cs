using Grader.Domain.Grading;
using Grader.Domain.Graphs;

namespace Grader.Domain.Tests.Graphs;

/// <summary>Graph answers are read from YAML lists, maps, JSON and the page's text, with bounds and messages naming the line.</summary>
public class GraphAnswerReaderTests
{
    private static GivenAnswer ReadOne(string answers)
    {
        var read = AnswerFileReader.Read($"assignment: t\nstudent: s\nanswers:\n  g:\n{answers}", "a.yaml");
        Assert.True(read.File is not null, string.Join("\n", read.Diagnostics));
        return Assert.Single(read.File!.Answers);
    }

    [Fact]
    public void Lines_and_maps_are_read_with_their_annotations()
    {
        var given = ReadOne("    - { node: q = x + y, value: 3, grad: -4 }\n    - f = q * z | value -12 | grad 1\n    - { input: x, grad: -4 }\n");
        var lines = given.Graph!.Lines;
        Assert.Null(given.Graph.Error);
        Assert.Equal(["q = x + y | value 3 | grad -4", "f = q * z | value -12 | grad 1", "x | grad -4"], lines.Select(l => l.Text));
        Assert.True(lines[2].IsInput);
        Assert.Equal(-12, lines[1].Value!.Data[0]);
    }

    [Fact]
    public void The_json_form_is_the_same_lists()
    {
        var read = AnswerFileReader.Read("{\"assignment\": \"t\", \"answers\": {\"g\": [\"s = w @ x\", {\"node\": \"t = sin(s)\", \"value\": 0}, {\"input\": \"w\", \"grad\": [2, 1]}]}}", "a.json");
        var lines = Assert.Single(read.File!.Answers).Graph!.Lines;
        Assert.Equal(["s = w @ x", "t = sin(s) | value 0", "w | grad [2, 1]"], lines.Select(l => l.Text));
    }

    [Fact]
    public void A_text_block_is_read_one_node_a_line() =>
        Assert.Equal(3, GraphAnswerReader.Read("s = w @ x\n\n# the sine\nt = sin(s)\ny = t - b\n").Lines.Count);

    [Theory]
    [InlineData("    - q = x + y\n    - = x\n", "line 2: the line has no name")]
    [InlineData("    - q = x + y\n    - f =\n", "line 2: f = what?")]
    [InlineData("    - q = x + y\n    - { node: f = q * z, valeu: 3 }\n", "line 2: unknown key 'valeu' (did you mean 'value'?)")]
    [InlineData("    - q = x + y | value three\n", "line 1: cannot read the value 'three'")]
    [InlineData("    - q = x + y | colour 3\n", "line 1: an annotation is 'value NUMBER' or 'grad NUMBER'")]
    [InlineData("    - { input: x = 1 }\n", "line 1: input: takes an input's name alone")]
    [InlineData("    - { node: x, input: y }\n", "line 1: write either node")]
    [InlineData("    - 2q = x + y\n", "line 1: '2q' is not a name")]
    public void Bad_lines_are_named(string answers, string message) =>
        Assert.Contains(message, ReadOne(answers).Graph!.Error);

    [Fact]
    public void A_value_answer_is_not_a_graph() => Assert.Null(ReadOne("    [1, 2]\n").Graph);

    [Fact]
    public void Ten_thousand_lines_are_refused_by_count()
    {
        var answer = GraphAnswerReader.Read(string.Concat(Enumerable.Range(0, 10_000).Select(i => $"n{i} = n{i - 1} + 1\n")));
        Assert.Equal("the graph has 10000 nodes; the limit is 200", answer.Error);
    }

    [Fact]
    public void Two_hundred_and_one_yaml_lines_are_refused()
    {
        var lines = string.Concat(Enumerable.Range(0, 201).Select(i => $"    - n{i} = x + 1\n"));
        Assert.Equal("the graph has 201 nodes; the limit is 200", ReadOne(lines).Graph!.Error);
    }

    [Fact]
    public void A_megabyte_name_is_refused_without_echoing_it()
    {
        var error = GraphAnswerReader.Read(new string('a', 1_000_000) + " = x + y\n").Error!;
        Assert.Equal("line 1: a name is 1000000 characters long; the limit is 64", error);
        Assert.True(error.Length < 200);
        Assert.Equal("line 1: a name is 65 characters long; the limit is 64", GraphAnswerReader.Read(new string('a', 65) + " = x + y").Error);
    }
}
