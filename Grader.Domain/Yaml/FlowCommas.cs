namespace Grader.Domain.Yaml;

/// <summary>
/// Finds expressions cut in pieces by an unquoted comma inside a <c>{ ... }</c> flow mapping
/// (<c>{ answer: grad(L, W) }</c> reads as <c>answer: "grad(L"</c> and a key <c>"W)"</c>): reports
/// one message saying to quote the expression, and joins the pieces back so that nothing else is
/// reported about them.
/// </summary>
public static class FlowCommas
{
    /// <summary>The tree with every cut expression joined again; each cut is reported once.</summary>
    public static YNode Mend(YNode node, DiagnosticBag bag) => node switch
    {
        YMapping m => MendMapping(m, bag),
        YSequence s => s with { Items = [.. s.Items.Select(i => Mend(i, bag))] },
        _ => node,
    };

    private static YMapping MendMapping(YMapping m, DiagnosticBag bag)
    {
        var entries = new List<KeyValuePair<YScalar, YNode>>();
        for (var i = 0; i < m.Entries.Count; i++)
        {
            var (key, value) = (m.Entries[i].Key, m.Entries[i].Value);
            if (value is YScalar { Quoted: false } v && Open(v.Value) > 0 && i + 1 < m.Entries.Count && IsPiece(m.Entries[i + 1]))
            {
                var text = v.Value;
                while (Open(text) > 0 && i + 1 < m.Entries.Count && IsPiece(m.Entries[i + 1]))
                {
                    text += ", " + m.Entries[++i].Key.Value;
                }

                bag.Report(v, $"'{YamlValues.Shorten(text)}' is cut at its comma: inside {{ ... }} a comma ends the value, so quote the expression: {key.Value}: \"{YamlValues.Shorten(text)}\"");
                entries.Add(new(key, v with { Value = text }));
                continue;
            }

            entries.Add(new(key, Mend(value, bag)));
        }

        return m with { Entries = entries };
    }

    /// <summary>A key with no value that is the rest of a cut expression.</summary>
    private static bool IsPiece(KeyValuePair<YScalar, YNode> e) =>
        e.Key is { Quoted: false } && e.Value is YScalar { Value: "", Quoted: false };

    /// <summary>Brackets opened and not closed.</summary>
    private static int Open(string text) =>
        text.Count(c => c is '(' or '[') - text.Count(c => c is ')' or ']');
}
