using Grader.Domain.Expressions;
using Grader.Domain.Yaml;

namespace Grader.Domain.Assignments;

/// <summary>Reads an assignment's <c>require:</c> list: each item an expression, a comparison and an expression.</summary>
public static class RequirementReader
{
    /// <summary>The requirements, reporting malformed ones.</summary>
    public static IReadOnlyList<Requirement> Read(YNode? node, DiagnosticBag bag)
    {
        if (node is null)
        {
            return [];
        }

        IReadOnlyList<YNode> items = node switch
        {
            YSequence s => s.Items,
            YScalar s => [s],
            _ => [],
        };
        if (node is YMapping)
        {
            bag.Report(node, "require is a list of conditions, such as require: [\"data_loss > 0\"]");
            return [];
        }

        var found = new List<Requirement>();
        foreach (var item in items)
        {
            if (item is not YScalar scalar)
            {
                bag.Report(item, "a requirement is a condition such as data_loss > 0");
                continue;
            }

            if (Parse(scalar, bag) is { } requirement)
            {
                found.Add(requirement);
            }
        }

        return found;
    }

    private static Requirement? Parse(YScalar scalar, DiagnosticBag bag)
    {
        var text = scalar.Value;
        var (at, op) = TopLevelComparison(text);
        if (at < 0)
        {
            bag.Report(scalar, $"requirement '{YamlValues.Shorten(text)}' needs a comparison: one of {string.Join(" ", Requirement.Operators)}");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text[..at]) || string.IsNullOrWhiteSpace(text[(at + op.Length)..]))
        {
            bag.Report(scalar, $"requirement '{YamlValues.Shorten(text)}' needs an expression on each side of {op}");
            return null;
        }

        try
        {
            var left = ExpressionParser.Parse(text[..at]);

            // Blank out the left side so that columns of the right side stay those of the whole text.
            var right = ExpressionParser.Parse(new string(' ', at + op.Length) + text[(at + op.Length)..]);
            return new Requirement(text, left, op, right, new Located(scalar));
        }
        catch (ExpressionException ex)
        {
            bag.Report(scalar.PositionOf(ex.Column), $"requirement '{YamlValues.Shorten(text)}': {ex.Message}");
            return null;
        }
    }

    /// <summary>The first comparison outside brackets, or (−1, "").</summary>
    private static (int At, string Operator) TopLevelComparison(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '(' or '[' ? 1 : text[i] is ')' or ']' ? -1 : 0;
            if (depth == 0 && Requirement.Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0) is { } op)
            {
                return (i, op);
            }
        }

        return (-1, "");
    }
}
