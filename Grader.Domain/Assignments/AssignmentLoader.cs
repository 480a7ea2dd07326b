using System.Text.RegularExpressions;
using Grader.Domain.Expressions;
using Grader.Domain.Networks;
using Grader.Domain.Yaml;

namespace Grader.Domain.Assignments;

/// <summary>
/// Reads an assignment file into an <see cref="Assignment"/>, reporting every structural problem
/// with its line and column. Expressions are parsed here; they are evaluated when a key is built.
/// </summary>
public static partial class AssignmentLoader
{
    private static readonly string[] TopLevelKeys = ["id", "title", "defaults", "values", "graph", "networks", "questions", "require", "show_key", .. Policy.PolicyReader.Keys];
    private static readonly string[] SettingKeys = ["points", "tolerance", "partial", "show_key", "carry_forward"];
    private static readonly string[] QuestionKeys = ["id", "text", "answer", .. SettingKeys, .. Graphs.GraphSpecReader.Keys];

    /// <summary>Reads and loads a file.</summary>
    public static AssignmentLoadResult LoadFile(string path)
    {
        var bag = new DiagnosticBag(path);
        var text = FileText.Read(path, bag);
        return text is null ? new AssignmentLoadResult(null, bag.Items) : Load(text, path);
    }

    /// <summary>Loads an assignment from its text; <paramref name="file"/> names it in messages.</summary>
    public static AssignmentLoadResult Load(string text, string file)
    {
        var bag = new DiagnosticBag(file);
        YNode root;
        try
        {
            root = SafeYamlReader.Read(text);
        }
        catch (YamlFormatException ex)
        {
            bag.Report(ex.Position, ex.Message);
            return new AssignmentLoadResult(null, bag.Items);
        }

        var assignment = Load(FlowCommas.Mend(root, bag), bag);
        return new AssignmentLoadResult(bag.IsEmpty ? assignment : null, bag.Items) { Partial = bag.IsEmpty ? null : assignment };
    }

    private static Assignment? Load(YNode root, DiagnosticBag bag)
    {
        if (root is not YMapping top)
        {
            bag.Report(root, "an assignment is a mapping with id, values, graph, networks and questions");
            return null;
        }

        CheckKeys(top, TopLevelKeys, bag, "assignment");
        var id = ReadId(top, bag);
        var title = top["title"] is { } t ? YamlValues.Text(t, bag, "title") : null;
        var defaults = top["defaults"] is { } d ? ReadSettings(d, SettingKeys, bag, "defaults") : GradingSettings.None;
        if (top["show_key"] is { } topShowKey)
        {
            // show_key beside the dates is the assignment-wide default, as under defaults:
            var shown = ReadShowKey(topShowKey, bag);
            if (defaults.ShowKey is not null)
            {
                bag.Report(topShowKey, "show_key is given both here and under defaults: keep one");
            }
            else
            {
                defaults = defaults with { ShowKey = shown };
            }
        }

        var policy = Policy.PolicyReader.Read(top, bag);

        var names = new Dictionary<string, SourcePosition>();
        var values = ReadValues(top["values"], bag, names);
        var graph = ReadGraph(top["graph"], bag, names);
        var networks = ReadNetworks(top["networks"], bag, names);
        var questions = ReadQuestions(top["questions"], top, bag, [.. graph.Select(g => g.Name)], [.. values.Select(v => v.Name)]);
        var requirements = RequirementReader.Read(top["require"], bag);
        return new Assignment(id ?? "", title ?? id ?? "", defaults, values, graph, networks, questions, bag.File) { Requirements = requirements, Policy = policy };
    }

    private static string? ReadId(YMapping top, DiagnosticBag bag)
    {
        if (top["id"] is not { } node)
        {
            bag.Report(top, "the assignment needs an id");
            return null;
        }

        var id = YamlValues.Text(node, bag, "id");
        if (id is not null && !AssignmentId().IsMatch(id))
        {
            bag.Report(node, $"id '{YamlValues.Shorten(id)}' may use only letters, digits and '-' (at most 100)");
            return null;
        }

        return id;
    }

    private static List<ValueDefinition> ReadValues(YNode? node, DiagnosticBag bag, Dictionary<string, SourcePosition> names)
    {
        var values = new List<ValueDefinition>();
        foreach (var (key, value) in Entries(node, bag, "values"))
        {
            if (!DeclareName(key, bag, names))
            {
                continue;
            }

            ValueSpec? spec = value is YMapping m ? RandomSpecReader.Read(m, bag) : YamlValues.Constant(value, bag) is { } t ? new FixedValue(t) : null;
            if (spec is not null)
            {
                values.Add(new ValueDefinition(key.Value, spec, key.Start));
            }
        }

        return values;
    }

    private static List<GraphNode> ReadGraph(YNode? node, DiagnosticBag bag, Dictionary<string, SourcePosition> names)
    {
        var graph = new List<GraphNode>();
        foreach (var (key, value) in Entries(node, bag, "graph"))
        {
            if (DeclareName(key, bag, names) && ParseExpression(value, bag, $"graph node {key.Value}") is var (expr, where))
            {
                graph.Add(new GraphNode(key.Value, expr, where));
            }
        }

        return graph;
    }

    private static Dictionary<string, Network> ReadNetworks(YNode? node, DiagnosticBag bag, Dictionary<string, SourcePosition> names)
    {
        var networks = new Dictionary<string, Network>();
        foreach (var (key, value) in Entries(node, bag, "networks"))
        {
            if (DeclareName(key, bag, names) && NetworkReader.Read(key.Value, value, bag) is { } network)
            {
                networks[key.Value] = network;
            }
        }

        return networks;
    }

    private static List<Question> ReadQuestions(YNode? node, YMapping top, DiagnosticBag bag, string[] graphNodes, string[] valueNames)
    {
        var questions = new List<Question>();
        if (node is null)
        {
            bag.Report(top, "the assignment needs a list of questions");
            return questions;
        }

        if (node is not YSequence list)
        {
            bag.Report(node, "questions must be a list");
            return questions;
        }

        var ids = new Dictionary<string, SourcePosition>();
        foreach (var item in list.Items)
        {
            if (item is not YMapping q)
            {
                bag.Report(item, "each question is a mapping with id, text and answer");
                continue;
            }

            CheckKeys(q, QuestionKeys, bag, "question");
            var id = q["id"] is { } idNode ? YamlValues.Text(idNode, bag, "question id") : null;
            if (q["id"] is null)
            {
                bag.Report(q, "the question needs an id");
            }
            else if (id is not null && !QuestionId().IsMatch(id))
            {
                bag.Report(q["id"]!, $"question id '{YamlValues.Shorten(id)}' may use only letters, digits, '-' and '_'");
                id = null;
            }
            else if (id is not null && ids.TryGetValue(id, out var first))
            {
                // Reported, and still read: its expression is checked in the same run (the file does not load).
                bag.Report(q["id"]!, $"duplicate question id '{id}' (first at line {first.Line})");
            }
            else if (id is not null)
            {
                ids[id] = q["id"]!.Start;
            }

            var text = q["text"] is { } tn ? YamlValues.Text(tn, bag, "text") : null;
            var settings = ReadSettings(q, SettingKeys, bag, "question", checkKeys: false);
            if (q["answer"] is not { } answerNode)
            {
                bag.Report(q, $"question {id} needs an answer expression");
                continue;
            }

            var isGraph = Graphs.GraphSpecReader.IsGraph(q, bag);
            if (ParseExpression(answerNode, bag, $"question {id}") is var (answer, where) && id is not null)
            {
                var graphSpec = isGraph ? Graphs.GraphSpecReader.Read(id, q, (YScalar)answerNode, graphNodes, valueNames, bag) : null;
                if (!isGraph || graphSpec is not null)
                {
                    questions.Add(new Question(id, text, ((YScalar)answerNode).Value, answer, settings, where) { Graph = graphSpec });
                }
            }
        }

        if (list.Items.Count == 0)
        {
            bag.Report(list, "the assignment has no questions");
        }

        return questions;
    }

    private static GradingSettings ReadSettings(YNode node, string[] keys, DiagnosticBag bag, string what, bool checkKeys = true)
    {
        if (node is not YMapping m)
        {
            bag.Report(node, $"{what} must be a mapping");
            return GradingSettings.None;
        }

        if (checkKeys)
        {
            CheckKeys(m, keys, bag, what);
        }

        double? points = null;
        if (m["points"] is { } p && YamlValues.Number(p, bag, "points") is { } pv)
        {
            if (pv < 0 || pv > 1e6)
            {
                bag.Report(p, $"points must be from 0 to 1000000, got {pv}");
            }
            else
            {
                points = pv;
            }
        }

        var tolerance = m["tolerance"] is { } t ? ToleranceReader.Read(t, bag) : null;
        var partial = m["partial"] is { } pa ? YamlValues.Bool(pa, bag, "partial") : null;
        var showKey = m["show_key"] is { } sk ? ReadShowKey(sk, bag) : null;
        var carryForward = m["carry_forward"] is { } cf ? YamlValues.Bool(cf, bag, "carry_forward") : null;
        return new GradingSettings(points, tolerance, partial, showKey, carryForward);
    }

    private static ShowKey? ReadShowKey(YNode node, DiagnosticBag bag)
    {
        if (YamlValues.Text(node, bag, "show_key") is not { } text)
        {
            return null;
        }

        ShowKey? showKey = text switch
        {
            "after_due" => ShowKey.AfterDue,
            "after_grading" => ShowKey.AfterGrading,
            "never" => ShowKey.Never,
            "always" => ShowKey.Always,
            _ => null,
        };
        if (showKey is null)
        {
            bag.Report(node, $"show_key must be after_due, after_grading, never or always, got '{YamlValues.Shorten(text)}'");
        }

        return showKey;
    }

    private static (Expr Expr, Located Where)? ParseExpression(YNode node, DiagnosticBag bag, string what)
    {
        if (node is not YScalar s)
        {
            bag.Report(node, $"{what}: an expression is written as one line of text, not {node.Kind}");
            return null;
        }

        try
        {
            return (ExpressionParser.Parse(s.Value), new Located(s));
        }
        catch (ExpressionException ex)
        {
            bag.Report(s.PositionOf(ex.Column), $"{what}: {ex.Message}");
            return null;
        }
    }

    private static bool DeclareName(YScalar key, DiagnosticBag bag, Dictionary<string, SourcePosition> names)
    {
        if (!Identifier().IsMatch(key.Value))
        {
            bag.Report(key, $"'{YamlValues.Shorten(key.Value)}' is not a valid name: use letters, digits and '_', starting with a letter");
            return false;
        }

        if (Builtins.IsReserved(key.Value))
        {
            bag.Report(key, $"'{key.Value}' is a built-in name (a constant or function) and cannot be redefined");
            return false;
        }

        if (names.TryGetValue(key.Value, out var first))
        {
            bag.Report(key, $"'{key.Value}' is already defined at line {first.Line}");
            return false;
        }

        names[key.Value] = key.Start;
        return true;
    }

    /// <summary>The entries of an optional mapping section.</summary>
    internal static IEnumerable<(YScalar Key, YNode Value)> Entries(YNode? node, DiagnosticBag bag, string what)
    {
        if (node is null || node is YScalar { Value: "" })
        {
            yield break;
        }

        if (node is not YMapping m)
        {
            bag.Report(node, $"{what} must be a mapping of names");
            yield break;
        }

        foreach (var e in m.Entries)
        {
            yield return (e.Key, e.Value);
        }
    }

    /// <summary>Reports keys of a mapping that are not among the known ones.</summary>
    internal static void CheckKeys(YMapping m, IReadOnlyCollection<string> known, DiagnosticBag bag, string what)
    {
        foreach (var e in m.Entries.Where(e => !known.Contains(e.Key.Value)))
        {
            bag.Report(e.Key, $"unknown key '{YamlValues.Shorten(e.Key.Value)}' in {what}{DidYouMean.Hint(e.Key.Value, known)} (expected one of: {string.Join(", ", known)})");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,100}$")]
    private static partial Regex AssignmentId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex QuestionId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
