using System.Text;
using System.Text.RegularExpressions;

namespace Grader.Domain.Tests.Docs;

/// <summary>
/// Reads the links and headings of a Markdown file as GitHub renders them: fenced code blocks and
/// inline code are not Markdown; a heading's anchor is its text lower-cased, with everything but
/// letters, digits, spaces, '-' and '_' removed and spaces made '-', a repeated one suffixed -1, -2.
/// </summary>
public static partial class MarkdownLinks
{
    /// <summary>Every link target ([text](target) and ![alt](target)) outside code, with its 1-based line.</summary>
    public static IEnumerable<(int Line, string Target)> Links(string markdown)
    {
        foreach (var (number, line) in ProseLines(markdown))
        {
            foreach (Match m in LinkPattern().Matches(InlineCode().Replace(line, "")))
            {
                yield return (number, m.Groups["target"].Value);
            }
        }
    }

    /// <summary>The anchors of the file's headings, as GitHub makes them.</summary>
    public static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, line) in ProseLines(markdown))
        {
            var heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups["text"].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's anchor of a heading's text.</summary>
    public static string Slug(string heading)
    {
        // The rendered text: a link's text stays, code and emphasis marks go.
        var text = LinkPattern().Replace(heading.Trim(), m => m.Groups["text"].Value).Replace("`", "").Replace("*", "");
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static IEnumerable<(int Number, string Line)> ProseLines(string markdown)
    {
        var inFence = false;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                yield return (i + 1, line);
            }
        }
    }

    // A link's text may hold one level of brackets (an image's alt text "[1 -2 +3]").
    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`+[^`]*`+")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();
}
