using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>validate reports every problem of a file in one run: a misspelt key does not hide an unknown function or a shape error.</summary>
public class OneRunTests
{
    [Fact]
    public void A_misspelt_key_an_unknown_function_and_a_shape_error_are_reported_together()
    {
        const string text = """
            id: v
            title: t
            values:
              x: [1, 2]
            graph:
              y: sigmiod(x)
              z: x @ [1, 2, 3]
            questions:
              - id: q1
                answr: y
              - id: q2
                answer: z
            """;
        var (assignment, problems) = AssignmentValidator.Validate(text, "v.yaml");
        Assert.Null(assignment);
        var lines = problems.Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("v.yaml:10:5:") && l.Contains("unknown key 'answr'"));
        Assert.Contains(lines, l => l.StartsWith("v.yaml:6:6:") && l.Contains("unknown function 'sigmiod'") && l.Contains("did you mean 'sigmoid'"));
        Assert.Contains(lines, l => l.StartsWith("v.yaml:7:8:") && l.Contains("(2,) @ (3,)"));
        Assert.Equal(lines.OrderBy(l => int.Parse(l.Split(':')[1])), lines);
    }

    [Fact]
    public void A_duplicate_question_id_does_not_hide_the_duplicates_own_shape_error()
    {
        const string text = """
            id: v
            values:
              x: [1, 2]
            questions:
              - id: b
                answer: sum(x)
              - id: b
                answer: x @ [[1, 2]]
            """;
        var (assignment, problems) = AssignmentValidator.Validate(text, "v.yaml");
        Assert.Null(assignment);
        var lines = problems.Select(p => p.ToString()).ToList();
        Assert.Contains(lines, l => l.StartsWith("v.yaml:7:9:") && l.Contains("duplicate question id 'b' (first at line 5)"));
        Assert.Contains(lines, l => l.StartsWith("v.yaml:8:15:") && l.Contains("got (2,) @ (1, 2)"));
    }
}
