namespace Grader.Worker.Reports;

/// <summary>One page of an assignment's submissions (<paramref name="Rows"/>), out of <paramref name="Total"/> that match the query's filters.</summary>
public sealed record SubmissionListing(SubmissionQuery Query, IReadOnlyList<SubmissionRow> Rows, int Total)
{
    /// <summary>The 1-based number of the first row shown (0 when none).</summary>
    public int From => Rows.Count == 0 ? 0 : Query.Skip + 1;

    /// <summary>The number of the last row shown (0 when none).</summary>
    public int To => Rows.Count == 0 ? 0 : Query.Skip + Rows.Count;

    /// <summary>The number of pages (at least 1).</summary>
    public int Pages => PagesOf(Total, Query.Size);

    /// <summary>The previous page's query, or null on the first.</summary>
    public SubmissionQuery? Previous => Query.Page > 1 ? Query with { Page = Math.Min(Query.Page - 1, Pages) } : null;

    /// <summary>The next page's query, or null on the last.</summary>
    public SubmissionQuery? Next => Query.Page < Pages ? Query with { Page = Query.Page + 1 } : null;

    /// <summary>The number of pages <paramref name="total"/> rows fill at <paramref name="size"/> a page (at least 1).</summary>
    public static int PagesOf(int total, int size) => Math.Max(1, (int)(((long)total + size - 1) / size));
}
