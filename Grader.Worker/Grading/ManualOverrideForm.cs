using System.Globalization;
using Grader.Worker.Pages.Shared;

namespace Grader.Worker.Grading;

/// <summary>
/// The TA submission page's manual-grading form (<c>POST /submissions/{id}/overrides</c>, with the
/// framework's antiforgery token): checks the fields, sets the score through
/// <see cref="ManualGradingService"/>, and says what happened on the page it redirects back to.
/// </summary>
public static class ManualOverrideForm
{
    /// <summary>The longest comment accepted.</summary>
    public const int MaxComment = 2000;

    /// <summary>The longest name accepted for who set the score.</summary>
    public const int MaxBy = 100;

    /// <summary>Applies the form; returns the message for the page (what was set, or why not).</summary>
    public static async Task<string> ApplyAsync(long id, string? question, string? score, string? comment, string? by, ManualGradingService manual, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question))
        {
            return "Say which question.";
        }

        if (!double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return $"The score for {question} must be a number (e.g. 0.5).";
        }

        comment = comment?.Trim() ?? "";
        by = string.IsNullOrWhiteSpace(by) ? "ta" : by.Trim();
        if (comment.Length > MaxComment || by.Length > MaxBy)
        {
            return $"The comment may have at most {MaxComment} characters and the name {MaxBy}.";
        }

        var outcome = await manual.OverrideAsync(id, question.Trim(), value, comment, by, ct);
        return outcome.Total is { } t
            ? $"{question.Trim()} set to {Format.N(value)} by {by}; the total is now {Format.N(t)}."
            : $"Not set: {outcome.Error}.";
    }
}
