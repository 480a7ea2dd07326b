using Grader.Domain.Yaml;
using Grader.Reference;

namespace Grader.Domain.Grading;

/// <summary>
/// Reads an answer file (YAML, or the same document as JSON):
/// <c>assignment: id</c>, <c>student: id</c>, <c>answers: { question-id: value }</c>, where a value
/// is a number, an expression of constants (<c>pi/2 + 4</c>, <c>sqrt(2)/2</c>) or nested lists of them.
/// A file that is not such a document is rejected; an answer that cannot be read is kept as
/// invalid with its reason, so the rest of the file is still graded.
/// </summary>
public static class AnswerFileReader
{
    private static readonly string[] Keys = ["assignment", "student", "answers"];

    /// <summary>Reads a file from disk (size-limited before reading).</summary>
    public static AnswerFileReadResult ReadFile(string path)
    {
        var bag = new DiagnosticBag(path);
        var text = FileText.Read(path, bag);
        return text is null ? new AnswerFileReadResult(null, bag.Items) : Read(text, path);
    }

    /// <summary>Reads an answer file's bytes (size-limited, strict UTF-8).</summary>
    public static AnswerFileReadResult Read(ReadOnlySpan<byte> bytes, string name)
    {
        var bag = new DiagnosticBag(name);
        var text = FileText.Decode(bytes, bag);
        return text is null ? new AnswerFileReadResult(null, bag.Items) : Read(text, name);
    }

    /// <summary>
    /// The first line of an answer file the answer page writes from its fields: each quoted answer
    /// in such a file is read as the text of its field (<see cref="ReadField"/>), so that the
    /// feedback on an answer it cannot read names the column in that field, never a line of a file
    /// the student never saw.
    /// </summary>
    public const string FromFieldsMarker = "# written by the answer page: each answer is the text of its field";

    /// <summary>Reads an answer file's text; <paramref name="name"/> names it in messages.</summary>
    public static AnswerFileReadResult Read(string text, string name)
    {
        var fromFields = text.StartsWith(FromFieldsMarker, StringComparison.Ordinal);
        // One budget for the whole file, so many answers cannot each spend a full one.
        using var budget = Expressions.EvaluationBudget.UseDefaultIfNone();
        var bag = new DiagnosticBag(name);
        YNode root;
        try
        {
            // Most files are in the plain subset, read without the general parser; the rest (and every error) go through it.
            root = PlainYamlReader.TryRead(text, fromFields ? FromFieldsMarker : null) ?? SafeYamlReader.Read(AnswerSeparators.InFile(text));
        }
        catch (YamlFormatException ex)
        {
            bag.Report(ex.Position, ex.Message);
            return new AnswerFileReadResult(null, bag.Items);
        }

        if (root is not YMapping m)
        {
            bag.Report(root, "an answer file is a mapping with assignment, student and answers");
            return new AnswerFileReadResult(null, bag.Items);
        }

        var warnings = m.Entries.Where(e => !Keys.Contains(e.Key.Value))
            .Select(e => $"line {e.Key.Start.Line}: unknown key '{YamlValues.Shorten(e.Key.Value)}' ignored").ToList();
        string? assignment = null;
        if (m["assignment"] is not { } a)
        {
            bag.Report(m, "the answer file needs 'assignment: <assignment id>'");
        }
        else
        {
            assignment = YamlValues.Text(a, bag, "assignment");
        }

        string? student = null;
        if (m["student"] is { } s && YamlValues.Text(s, bag, "student") is { } sid)
        {
            student = sid.Trim().Length == 0 ? null : sid.Trim();
            if (student is not null && StudentId.Problem(student) is { } problem)
            {
                bag.Report(s, problem);
            }
        }

        var answers = new List<GivenAnswer>();
        if (m["answers"] is not { } answersNode || answersNode is YScalar { Value: "" })
        {
            warnings.Add("the file has no answers");
        }
        else if (answersNode is not YMapping am)
        {
            bag.Report(answersNode, "answers must be a mapping of question id to answer");
        }
        else
        {
            answers.AddRange(am.Entries.Select(e => fromFields && e.Value is YScalar { Quoted: true } field
                ? ReadField(e.Key.Value, field.Value)
                : ReadAnswer(e.Key.Value, e.Value)));
        }

        return bag.IsEmpty
            ? new AnswerFileReadResult(new AnswerFile(assignment!, student, answers, warnings) { FromFields = fromFields }, [])
            : new AnswerFileReadResult(null, bag.Items);
    }

    /// <summary>
    /// Reads one answer typed in a field (as the page's answer file holds it: a quoted scalar), so
    /// that an error names the column in that field, never a line of a file the student never saw.
    /// </summary>
    public static GivenAnswer ReadField(string id, string text)
    {
        using var budget = Expressions.EvaluationBudget.UseDefaultIfNone();
        var singleLine = !text.Contains('\n');

        // Column 0 before the opening quote, so a column inside the text is its column in the field.
        return ReadAnswer(id, new YScalar(text, new SourcePosition(1, 0), Quoted: true, singleLine), field: true);
    }

    private static GivenAnswer ReadAnswer(string id, YNode node, bool field = false)
    {
        var text = Describe(node);
        if (node is YScalar { Quoted: false } s && (s.Value.Length == 0 || s.Value is "~" or "null" or "Null" or "NULL"))
        {
            return new GivenAnswer(id, null, null, node.Start, text);
        }

        if (Graphs.GraphAnswerReader.LooksLikeGraph(node))
        {
            return new GivenAnswer(id, null, "this question asks for a value; node lines such as \"q = x + y\" answer a graph question", node.Start, text)
            {
                Graph = Graphs.GraphAnswerReader.Read(node),
            };
        }

        try
        {
            var value = node is YMapping
                ? throw new YamlFormatException(node.Start, "an answer is a number, an expression or a list, not a mapping")
                : YamlValues.Tensor(node, asAnswer: true);
            return value.IsFinite()
                ? new GivenAnswer(id, value, null, node.Start, text)
                : new GivenAnswer(id, null, "the answer is not a finite number (NaN or infinity)", node.Start, text);
        }
        catch (YamlFormatException ex)
        {
            var where = !field ? $" (line {ex.Position.Line}, column {ex.Position.Column})"
                : ex.Position.Column > 0 && !ex.SaysWhere ? $" (column {ex.Position.Column} of the field)" : "";
            return new GivenAnswer(id, null, (field ? $"cannot read {id}: " : "cannot read the answer: ") + ex.Message + where, ex.Position, text);
        }
        catch (ShapeException ex)
        {
            return new GivenAnswer(id, null, "cannot read the answer: " + ex.Message, node.Start, text);
        }
    }

    private static string Describe(YNode node) => node switch
    {
        YScalar s => YamlValues.Shorten(s.Value),
        YSequence q => q.Items.Count > 8 ? $"a list of {q.Items.Count} items" : "[" + string.Join(", ", q.Items.Select(Describe)) + "]",
        _ => "a mapping",
    };
}
