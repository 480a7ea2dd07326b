using System.Text;
using Grader.Domain.Students;

namespace Grader.Domain.Output;

/// <summary>
/// A handout for people: the course rules (when given), the student's values as aligned matrices,
/// then each question with its points and accepted precision.
/// </summary>
public static class HandoutText
{
    /// <summary>The text of a handout; with the assignment's course rules when <paramref name="rules"/> is given.</summary>
    public static string Write(Handout handout, (Policy.CoursePolicy Policy, TimeZoneInfo CourseZone)? rules = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{handout.Id}: {handout.Title}");
        sb.AppendLine($"student {handout.Student}");
        if (rules is { } r)
        {
            sb.AppendLine().Append(CourseRulesText.Write(r.Policy, r.CourseZone));
        }
        if (handout.Values.Count > 0)
        {
            sb.AppendLine().AppendLine("your values");
            var width = handout.Values.Max(v => v.Key.Length);
            foreach (var (name, value) in handout.Values)
            {
                var lines = TensorText.Lines(value);
                var prefix = "  " + name.PadRight(width) + " = ";
                for (var i = 0; i < lines.Count; i++)
                {
                    sb.Append(i == 0 ? prefix : new string(' ', prefix.Length)).AppendLine(lines[i]);
                }
            }
        }

        sb.AppendLine().AppendLine("questions");
        foreach (var q in handout.Questions)
        {
            sb.AppendLine($"  {q.Id}  ({TensorText.Number(q.Points)} point{(q.Points == 1 ? "" : "s")}{(q.Precision is { } p ? ", " + p : "")})");
            if (!string.IsNullOrWhiteSpace(q.Text))
            {
                sb.AppendLine("    " + q.Text.Trim());
            }
        }

        return sb.ToString();
    }
}
