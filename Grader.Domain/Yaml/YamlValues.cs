using System.Globalization;
using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Yaml;

/// <summary>Reads plain values (numbers, booleans, names, tensors of constant expressions) from YAML nodes, reporting problems.</summary>
public static class YamlValues
{
    /// <summary>A scalar's text, or null (reported) for a list or mapping.</summary>
    public static string? Text(YNode node, DiagnosticBag bag, string what)
    {
        if (node is YScalar s)
        {
            return s.Value;
        }

        bag.Report(node, $"{what} must be a single value, not {node.Kind}");
        return null;
    }

    /// <summary>A finite number written as a plain number, or null (reported).</summary>
    public static double? Number(YNode node, DiagnosticBag bag, string what)
    {
        var text = Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            return v;
        }

        bag.Report(node, $"{what} must be a number, got '{Shorten(text)}'");
        return null;
    }

    /// <summary>A whole number within bounds, or null (reported).</summary>
    public static int? Whole(YNode node, DiagnosticBag bag, string what, int min, int max)
    {
        var v = Number(node, bag, what);
        if (v is null)
        {
            return null;
        }

        if (v != Math.Floor(v.Value) || v < min || v > max)
        {
            bag.Report(node, $"{what} must be a whole number from {min} to {max}, got {v}");
            return null;
        }

        return (int)v;
    }

    /// <summary>true or false, or null (reported).</summary>
    public static bool? Bool(YNode node, DiagnosticBag bag, string what)
    {
        var text = Text(node, bag, what);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                bag.Report(node, $"{what} must be true or false, got '{Shorten(text)}'");
                return null;
        }
    }

    /// <summary>
    /// A tensor of constants: a scalar expression (<c>pi/2</c>, <c>[1, 2]</c>) or nested YAML
    /// lists whose items are such expressions. Null (reported) on any problem.
    /// </summary>
    public static Reference.Tensor? Constant(YNode node, DiagnosticBag bag)
    {
        try
        {
            var t = Tensor(node);
            if (!t.IsFinite())
            {
                bag.Report(node, "the value is not finite (NaN or infinity)");
                return null;
            }

            return t;
        }
        catch (YamlFormatException ex)
        {
            bag.Report(ex.Position, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// The tensor of a scalar expression or of nested YAML lists of them; throws
    /// <see cref="YamlFormatException"/> at the node at fault (a mapping, a ragged list, a bad expression).
    /// </summary>
    public static Reference.Tensor Tensor(YNode node) => Tensor(node, asAnswer: false);

    /// <summary>
    /// As <see cref="Tensor(YNode)"/>; with <paramref name="asAnswer"/>, scalars are read as a student's
    /// answer: NumPy and MATLAB lists (<see cref="Grading.AnswerSeparators"/>) and a decimal comma named.
    /// </summary>
    public static Reference.Tensor Tensor(YNode node, bool asAnswer) => node is YScalar s
        ? Expression(s, asAnswer)
        : TensorLiteral.Build<YNode>(
            node,
            n => n switch { YSequence q => q.Items, YScalar => null, _ => throw new YamlFormatException(n.Start, $"expected a number or a list, not {n.Kind}") },
            n => Expression((YScalar)n, asAnswer),
            (n, message) => new YamlFormatException(n.Start, message));

    /// <summary>Parses and evaluates a scalar as an expression of constants, positions mapped to the file.</summary>
    public static Reference.Tensor Expression(YScalar s) => Expression(s, asAnswer: false);

    /// <summary>As <see cref="Expression(YScalar)"/>; with <paramref name="asAnswer"/>, read as a student's answer.</summary>
    public static Reference.Tensor Expression(YScalar s, bool asAnswer)
    {
        // Most values are plain numbers: read them directly, without the expression machinery.
        if (!s.Quoted && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && double.IsFinite(plain)
            && s.Value.Length > 0 && (char.IsAsciiDigit(s.Value[0]) || s.Value[0] is '-' or '.'))
        {
            return Reference.Tensor.Scalar(plain);
        }

        var text = s.Value;
        if (asAnswer)
        {
            if (Grading.AnswerSeparators.DecimalComma(text) is > 0 and var column)
            {
                throw new YamlFormatException(s.PositionOf(column), $"'{Shorten(text)}': use a decimal point ({Shorten(DecimalPoint(text))}); a comma separates the elements of a list, inside brackets");
            }

            text = Grading.AnswerSeparators.InAnswer(text);
            if (Grading.AnswerSeparators.EmptyElement(text) is { } empty)
            {
                throw new YamlFormatException(s.PositionOf(empty.Column), empty.Message) { SaysWhere = true };
            }
        }

        try
        {
            return new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(text)).Value;
        }
        catch (ExpressionException ex)
        {
            throw new YamlFormatException(s.PositionOf(ex.Column), ex.Message);
        }
    }

    private static string DecimalPoint(string text) => text.Replace(',', '.');

    /// <summary>A text cut to a readable length for a message.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
