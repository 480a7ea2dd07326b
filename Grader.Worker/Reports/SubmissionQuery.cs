using System.Globalization;
using Grader.Data.Entities;
using Microsoft.AspNetCore.WebUtilities;

namespace Grader.Worker.Reports;

/// <summary>
/// Which page of an assignment's submissions to show: <c>?page=1&amp;size=50&amp;sort=received|student|score|status
/// &amp;order=asc|desc&amp;student=&amp;status=&amp;late=yes|no</c>. The query is done in the database; only one page is read.
/// </summary>
public sealed record SubmissionQuery(int Page = 1, int Size = SubmissionQuery.DefaultSize, string Sort = "received", string Order = "desc",
    string? Student = null, SubmissionStatus? Status = null, bool? Late = null)
{
    /// <summary>Rows per page unless asked.</summary>
    public const int DefaultSize = 50;

    /// <summary>The most rows a page holds.</summary>
    public const int MaxSize = 200;

    /// <summary>The sort keys.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["received", "student", "score", "status"];

    /// <summary>True for ascending order.</summary>
    public bool Ascending => Order == "asc";

    /// <summary>Rows skipped before this page.</summary>
    public int Skip => (Page - 1) * Size;

    /// <summary>
    /// Reads the query parameters; null with a message naming the parameter when one is not
    /// understood. <c>size</c> is capped at <see cref="MaxSize"/>; a missing parameter takes its default.
    /// </summary>
    public static SubmissionQuery? Parse(IQueryCollection query, out string? error)
    {
        error = null;
        var q = new SubmissionQuery();
        if (Int("page", 1, int.MaxValue / MaxSize, ref error) is { } page)
        {
            q = q with { Page = page };
        }

        if (Int("size", 1, int.MaxValue, ref error) is { } size)
        {
            q = q with { Size = Math.Min(size, MaxSize) };
        }

        if (Text("sort") is { } sort)
        {
            error ??= Sorts.Contains(sort) ? null : $"sort must be one of {string.Join(", ", Sorts)}, not '{Hardening.LogText.Escape(sort, 40)}'";
            q = q with { Sort = sort };
        }

        if (Text("order") is { } order)
        {
            error ??= order is "asc" or "desc" ? null : $"order must be asc or desc, not '{Hardening.LogText.Escape(order, 40)}'";
            q = q with { Order = order };
        }

        if (Text("status") is { } status)
        {
            if (Enum.TryParse<SubmissionStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !char.IsDigit(status[0]))
            {
                q = q with { Status = s };
            }
            else
            {
                error ??= $"status must be one of accepted, graded, failed, rejected, not '{Hardening.LogText.Escape(status, 40)}'";
            }
        }

        if (Text("late") is { } late)
        {
            error ??= late is "yes" or "no" ? null : $"late must be yes or no, not '{Hardening.LogText.Escape(late, 40)}'";
            q = q with { Late = late == "yes" };
        }

        if (Text("student") is { } student)
        {
            q = q with { Student = student.Length > 200 ? student[..200] : student };
        }

        return error is null ? q : null;

        string? Text(string name) => query[name].ToString().Trim() is { Length: > 0 } v ? v : null;

        int? Int(string name, int min, int max, ref string? message)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                return v;
            }

            message ??= $"{name} must be a whole number from {min}, not '{Hardening.LogText.Escape(text, 40)}'";
            return null;
        }
    }

    /// <summary>The query string of this query (page, size and the sort left out at their defaults), starting with '?', or "" when all are defaults.</summary>
    public string ToQueryString()
    {
        var d = new SubmissionQuery();
        var parts = new Dictionary<string, string?>();
        Add("page", Page != d.Page ? Page.ToString(CultureInfo.InvariantCulture) : null);
        Add("size", Size != d.Size ? Size.ToString(CultureInfo.InvariantCulture) : null);
        var sorted = Sort != d.Sort || Order != d.Order; // both or neither, so a link reads whole
        Add("sort", sorted ? Sort : null);
        Add("order", sorted ? Order : null);
        Add("student", Student);
        Add("status", Status is { } s ? s.ToString().ToLowerInvariant() : null);
        Add("late", Late is { } l ? (l ? "yes" : "no") : null);
        return parts.Count == 0 ? "" : QueryHelpers.AddQueryString("", parts);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts[name] = value;
            }
        }
    }

    /// <summary>This query sorted by <paramref name="sort"/>: the other order when already sorted by it, else ascending; back to page 1.</summary>
    public SubmissionQuery SortedBy(string sort) =>
        this with { Sort = sort, Order = Sort == sort && Ascending ? "desc" : "asc", Page = 1 };
}
