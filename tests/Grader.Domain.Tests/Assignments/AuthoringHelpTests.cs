namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// Authoring help: misspelt names, functions, keys and arguments get a suggestion by edit
/// distance; an expression cut by an unquoted comma inside <c>{ ... }</c> gets one message; no
/// message repeats its prefix.
/// </summary>
public class AuthoringHelpTests
{
    private const string Head = "id: t\nquestions:\n  - id: q\n    answer: 1\n";

    public static TheoryData<string, string, string> Misspellings => new()
    {
        { "a swapped pair in a function", "id: t\nquestions:\n  - id: q\n    answer: sigmiod(1)\n", "unknown function 'sigmiod' (did you mean 'sigmoid'?)" },
        { "a swapped pair, short", "id: t\nquestions:\n  - id: q\n    answer: tahn(1)\n", "unknown function 'tahn' (did you mean 'tanh'?)" },
        { "PyTorch's name run together", "id: t\nquestions:\n  - id: q\n    answer: crossentropy(1, 2)\n", "unknown function 'crossentropy' (did you mean 'cross_entropy'?)" },
        { "a misspelt name", "id: t\nvalues:\n  Weights: 1\nquestions:\n  - id: q\n    answer: Wieghts + 1\n", "unknown name 'Wieghts' (did you mean 'Weights'?)" },
        { "a misspelt key", "id: t\nquestions:\n  - id: q\n    answr: 1\n", "unknown key 'answr' in question (did you mean 'answer'?)" },
        { "a misspelt setting", Head + "    tolerence: { rel: 0.1 }\n", "unknown key 'tolerence' in question (did you mean 'tolerance'?)" },
        { "a misspelt keyword argument", "id: t\nquestions:\n  - id: q\n    answer: leaky_relu(1, slop=2)\n", "has no argument 'slop' (did you mean 'slope'?)" },
        { "a misspelt layer", "id: t\nnetworks:\n  n:\n    input: [3]\n    layers: [dense: 2, rleu]\n" + Head[6..], "unknown layer 'rleu' (did you mean 'relu'?)" },
        { "a function used as a name", "id: t\nquestions:\n  - id: q\n    answer: relu + 1\n", "'relu' is a function" },
    };

    [Theory]
    [MemberData(nameof(Misspellings))]
    public void A_misspelling_gets_a_suggestion(string name, string yaml, string message)
    {
        var diagnostics = AssignmentErrorTests.Validate(yaml);
        Assert.True(diagnostics.Any(d => d.Message.Contains(message)), $"{name}: expected '{message}', got:\n" + string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("xyzzy")]
    [InlineData("convolution")]
    public void Nothing_close_gets_no_suggestion(string function)
    {
        var diagnostics = AssignmentErrorTests.Validate($"id: t\nquestions:\n  - id: q\n    answer: {function}(1)\n");
        Assert.DoesNotContain("did you mean", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("  - { id: q, answer: grad(L, W) }\n", 7, 22, "'grad(L, W)' is cut at its comma")]
    [InlineData("  - { id: q, answer: maximum(L, 2), points: 2 }\n", 7, 22, "answer: \"maximum(L, 2)\"")]
    [InlineData("  - { id: q, answer: sum([1, 2]) }\n", 7, 26, "inside { ... } a comma or bracket ends the value: quote an expression")] // a bracket: a YAML syntax error, with the hint
    public void An_unquoted_comma_in_a_flow_mapping_gets_one_message(string question, int line, int column, string message)
    {
        var diagnostics = AssignmentErrorTests.Validate("id: t\nvalues:\n  W: [1, 2]\ngraph:\n  L: sum(W^2)\nquestions:\n" + question);
        var d = Assert.Single(diagnostics);
        Assert.Contains(message, d.Message);
        Assert.Equal((line, column), (d.Line, d.Column));
    }

    [Theory]
    [InlineData("id: t\nquestions:\n  - id: q\n    answer: cross_entropy([1, 2], 5)\n", "cross_entropy")]
    [InlineData("id: t\nquestions:\n  - id: q\n    answer: hinge([[[1]]], 0)\n", "hinge")]
    [InlineData("id: t\ngraph:\n  y: log(-1)\nquestions:\n  - id: q\n    answer: y\n", "graph node y")]
    [InlineData("id: t\nquestions:\n  - id: q\n    answer: maxpool2d([[1, 2], [3, 4]], 3)\n", "maxpool2d")]
    public void A_message_names_its_subject_once(string yaml, string subject)
    {
        var message = Assert.Single(AssignmentErrorTests.Validate(yaml)).Message;
        Assert.Equal(message.IndexOf(subject, StringComparison.Ordinal), message.LastIndexOf(subject, StringComparison.Ordinal));
    }
}
