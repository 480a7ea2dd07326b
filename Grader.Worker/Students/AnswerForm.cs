using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Graphs;
using Grader.Reference;
using Grader.Worker.Graphs;

namespace Grader.Worker.Students;

/// <summary>
/// The answers typed on the assignment page: one field per question, named <c>q.QUESTION-ID</c>.
/// They become an ordinary answer file (each answer a quoted expression, read exactly as an
/// answer file's answer is read), so the page accepts what answer files accept.
/// </summary>
public sealed record AnswerForm(IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The prefix of each answer field's name.</summary>
    public const string Prefix = "q.";

    /// <summary>The file name a submission made from the form is stored under.</summary>
    public const string FileName = "answers.yaml";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The answer fields of a form's name/value pairs, names compared exactly (blank fields dropped;
    /// a name repeated with the same case keeps its first value).
    /// </summary>
    public static AnswerForm Of(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal) && name.Length > Prefix.Length && value.Trim() is { Length: > 0 } text)
            {
                fields.TryAdd(name[Prefix.Length..], text);
            }
        }

        return new AnswerForm(fields);
    }

    /// <summary>
    /// The fields of an answer file written by <see cref="ToAnswerFile"/> (each answer a scalar), so
    /// the page shows again what was typed; null when the file is not such a file.
    /// </summary>
    public static AnswerForm? FromAnswerFile(byte[] content)
    {
        try
        {
            var root = Domain.Yaml.SafeYamlReader.Read(Encoding.UTF8.GetString(content));
            if (root is not Domain.Yaml.YMapping { } file || file["answers"] is not Domain.Yaml.YMapping answers)
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in answers.Entries)
            {
                if (value is Domain.Yaml.YScalar s)
                {
                    fields.TryAdd(key.Value, s.Value);
                }
            }

            return new AnswerForm(fields);
        }
        catch (Domain.Yaml.YamlFormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// The answer file of these fields: YAML, every key and answer a double-quoted scalar, the
    /// assignment's questions in order, then any field that matches no question (kept, so the
    /// report and the page warn that it was ignored, with a did-you-mean).
    /// </summary>
    public string ToAnswerFile(Assignment assignment, string student)
    {
        var sb = new StringBuilder();
        sb.Append(AnswerFileReader.FromFieldsMarker).Append('\n');
        sb.Append("assignment: ").Append(Quote(assignment.Id)).Append('\n');
        sb.Append("student: ").Append(Quote(student)).Append('\n');
        sb.Append("answers:\n");
        foreach (var q in assignment.Questions)
        {
            if (Fields.TryGetValue(q.Id, out var text))
            {
                sb.Append("  ").Append(Quote(q.Id)).Append(": ").Append(Quote(text)).Append('\n');
            }
        }

        foreach (var (id, text) in Fields.Where(f => assignment.FindQuestion(f.Key) is null))
        {
            sb.Append("  ").Append(Quote(id)).Append(": ").Append(Quote(text)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// What Check says of the form as a whole: each field whose id matches no question (ignored on
    /// Submit, with a did-you-mean), in the words the report uses (<see cref="AnswerCoverage.Warnings"/>).
    /// </summary>
    public IReadOnlyList<string> Warnings(Assignment assignment) =>
        AnswerCoverage.Warnings(assignment, new AnswerFile(
            assignment.Id, null, [.. Fields.Select(f => new GivenAnswer(f.Key, null, null, new Domain.SourcePosition(1, 0), f.Value))], [])
        {
            FromFields = true,
        });

    /// <summary>
    /// Reads every field as the grader would (an error names the column in the field) and sets its
    /// shape against the key's, with a preview of what was read; stores nothing.
    /// </summary>
    public IReadOnlyList<FieldCheck> Check(Assignment assignment, string student)
    {
        var key = AnswerKeyBuilder.Build(assignment, student);
        var checks = new List<FieldCheck>();
        foreach (var q in assignment.Questions)
        {
            var expected = key.AnswerTo(q.Id);
            var given = Fields.TryGetValue(q.Id, out var text) ? AnswerFileReader.ReadField(q.Id, text) : null;
            if (q.Graph is not null)
            {
                checks.Add(CheckGraph(assignment, q, Fields.GetValueOrDefault(q.Id)));
                continue;
            }

            var expectedShape = expected is null ? null : Shape(expected);
            if (given is null || given.IsEmpty)
            {
                checks.Add(new FieldCheck(q.Id, "empty", null, expectedShape, $"empty (the question expects {Describe(expectedShape)})"));
            }
            else if (given.Value is null)
            {
                checks.Add(new FieldCheck(q.Id, "invalid", null, expectedShape, given.Error!));
            }
            else if (expected is null || given.Value.SameShape(expected) || (given.Value.IsScalarLike && expected.IsScalarLike))
            {
                checks.Add(new FieldCheck(q.Id, "ok", Shape(given.Value), expectedShape, $"read as {Describe(Shape(given.Value))}, as the question expects")
                {
                    Preview = AnswerPreview.Tex(given.Value),
                });
            }
            else
            {
                checks.Add(new FieldCheck(q.Id, "wrong-shape", Shape(given.Value), expectedShape, $"read as {Describe(Shape(given.Value))}, but the question expects {Describe(expectedShape)}")
                {
                    Preview = AnswerPreview.Tex(given.Value),
                });
            }
        }

        return checks;
    }

    /// <summary>
    /// Reads a graph question's text as the grader would: the nodes as read (or the error at its
    /// line), lines that do more than one operation, and the drawing. Never says whether the graph is right.
    /// </summary>
    public static FieldCheck CheckGraph(Assignment assignment, Question q, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new FieldCheck(q.Id, "empty", null, "graph", "empty (the question expects a graph: one node a line, such as q = x + y)");
        }

        var answer = GraphAnswerReader.Read(text);
        var drawing = GraphPictures.OfAnswer(answer) is { } picture ? GraphSvg.Write(picture) : null;
        var (keyGraph, _) = KeyGraph.Build(assignment, q.Graph!);
        var compiled = keyGraph is null ? null : GraphCompiler.Compile(answer, keyGraph.Program.Inputs, [.. assignment.Values.Select(v => v.Name)]);
        if (answer.Error is not null || compiled?.Error is not null)
        {
            return new FieldCheck(q.Id, "invalid", null, "graph", answer.Error ?? compiled!.Error!) { Drawing = drawing };
        }

        var nodes = answer.Nodes.Select(l => l.Name).ToList();
        var message = $"read {nodes.Count} node{(nodes.Count == 1 ? "" : "s")}: {string.Join(", ", nodes.Take(12))}{(nodes.Count > 12 ? ", …" : "")}; the output is {nodes[^1]}"
            + string.Concat(compiled?.Structure.Select(s => "; " + s) ?? []);
        return new FieldCheck(q.Id, compiled?.Structure.Count > 0 ? "structure" : "ok", "graph", "graph", message) { Drawing = drawing };
    }

    private static string Shape(Tensor t) => t.IsScalarLike && t.Rank <= 1 ? "scalar" : t.ShapeText;

    private static string Describe(string? shape) => shape switch { null => "an answer", "scalar" => "a scalar", _ => "shape " + shape };

    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);
}
