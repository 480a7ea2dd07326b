using System.Globalization;
using System.Text.RegularExpressions;
using Grader.Domain.Assignments;
using Grader.Domain.Output;

namespace Grader.Tests;

/// <summary>
/// Searches text a student can fetch for an answer key's numbers, formatted every way the product
/// prints numbers: feedback and key text (<see cref="TensorText.Number"/>, 10 significant figures),
/// the report pages (rounded to 4 decimals first) and JSON and answer files (shortest round trip).
/// Whole numbers from −10 to 10 (and forms that round to one) are not searched: they appear as element indices, counts and points.
/// </summary>
public static class KeyNumbers
{
    /// <summary>Each key number found in the text, as "question: number".</summary>
    public static List<string> Leaked(string text, AnswerKey key)
    {
        var found = new List<string>();
        foreach (var (question, tensor) in key.Answers)
        {
            foreach (var v in tensor.Data.Distinct())
            {
                if (v == Math.Round(v) && Math.Abs(v) <= 10)
                {
                    continue;
                }

                foreach (var form in Forms(v))
                {
                    if (Regex.IsMatch(text, $@"(?<![\d.]){Regex.Escape(form)}(?![\d])"))
                    {
                        found.Add($"{question}: {form}");
                        break;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The questions with at least one key number that is searched for (not a small whole number).</summary>
    public static int Searchable(AnswerKey key) =>
        key.Answers.Count(a => a.Value.Data.Any(v => !(v == Math.Round(v) && Math.Abs(v) <= 10)));

    private static IEnumerable<string> Forms(double v) =>
        new[] { TensorText.Number(v), TensorText.Number(Math.Round(v, 4)), v.ToString("R", CultureInfo.InvariantCulture) }
            .Distinct().Where(f => !(double.TryParse(f, CultureInfo.InvariantCulture, out var x) && x == Math.Round(x) && Math.Abs(x) <= 10));
}
