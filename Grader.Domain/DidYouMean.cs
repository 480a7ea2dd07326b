namespace Grader.Domain;

/// <summary>
/// Suggestions for misspelt names, functions and keys: the closest known word by edit distance
/// (insertions, deletions, substitutions and swaps of neighbours, case ignored), or a known word
/// the misspelling wraps (<c>mse_loss</c> → <c>mse</c>).
/// </summary>
public static class DidYouMean
{
    private static readonly string[] Wrappers = ["_loss", "loss_", "torch_", "nn_", "F_", "np_", "_fn", "_layer"];

    /// <summary>" (did you mean 'x'?)", or "" when nothing known is close.</summary>
    public static string Hint(string word, IEnumerable<string> known) =>
        Closest(word, known) is { } close ? $" (did you mean '{close}'?)" : "";

    /// <summary>" (did you mean 'x'?)" for an unknown question id, or "" (see <see cref="ClosestId"/>).</summary>
    public static string IdHint(string id, IEnumerable<string> known) =>
        ClosestId(id, known) is { } close ? $" (did you mean '{close}'?)" : "";

    /// <summary>
    /// The known question id an unknown one most likely meant. Ids are case-sensitive
    /// (<c>grad-w</c> and <c>grad-W</c> are two questions), so the tries go in order: equal once
    /// <c>_</c> is read as <c>-</c>; then equal ignoring case and <c>_</c>/<c>-</c> (the fewest case changes first); then the
    /// nearest by edit distance, a difference of case counting as an edit
    /// (<c>grad_w</c> → <c>grad-w</c>, never <c>grad-W</c>).
    /// </summary>
    public static string? ClosestId(string id, IEnumerable<string> known)
    {
        var candidates = known.Distinct().Where(k => k != id).Order(StringComparer.Ordinal).ToList();
        var dashed = id.Replace('_', '-');
        if (candidates.FirstOrDefault(k => k.Replace('_', '-') == dashed) is { } same)
        {
            return same;
        }

        var folded = Fold(id);
        if (candidates.Where(k => Fold(k) == folded).OrderBy(k => Distance(dashed, k.Replace('_', '-'))).FirstOrDefault() is { } alike)
        {
            return alike;
        }

        var limit = Math.Clamp(id.Length / 3, 1, 3);
        return candidates
            .Select(k => (Word: k, Distance: Distance(dashed, k.Replace('_', '-'))))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => Math.Abs(c.Word.Length - id.Length))
            .Select(c => c.Word)
            .FirstOrDefault();

        static string Fold(string s) => s.Replace('_', '-').ToLowerInvariant();
    }

    /// <summary>The closest known word, or null when none is close enough.</summary>
    public static string? Closest(string word, IEnumerable<string> known)
    {
        var candidates = known.Distinct().Where(k => k != word).ToList();
        var stripped = Wrappers.Aggregate(word, (w, affix) => w.Replace(affix, "", StringComparison.OrdinalIgnoreCase));
        if (stripped != word && candidates.FirstOrDefault(k => string.Equals(k, stripped, StringComparison.OrdinalIgnoreCase)) is { } unwrapped)
        {
            return unwrapped;
        }

        var limit = Math.Clamp(word.Length / 3, 1, 3);
        return candidates
            .Select(k => (Word: k, Distance: Distance(word.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => SameLetters(c.Word, word) ? 0 : 1)
            .ThenBy(c => Math.Abs(c.Word.Length - word.Length))
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    private static bool SameLetters(string a, string b) =>
        a.ToLowerInvariant().Order().SequenceEqual(b.ToLowerInvariant().Order());

    /// <summary>The optimal-string-alignment distance: edits, counting a swap of neighbours as one.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 100 || b.Length > 100)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
