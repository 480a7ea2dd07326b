using System.Globalization;
using System.Net;
using System.Text;
using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Worker.Reports;

/// <summary>Small HTML building blocks for the report pages: escaping, the page frame, tensors as tables.</summary>
public static class Html
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d2330; padding: 0 1rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table.list { border-collapse: collapse; width: 100%; }
        table.list th, table.list td { border-bottom: 1px solid #dde2ea; padding: .35rem .6rem; text-align: left; vertical-align: top; }
        table.list th { background: #f3f5f9; cursor: pointer; user-select: none; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.tensor { border-collapse: collapse; font-family: ui-monospace, monospace; font-size: .9rem; }
        table.tensor td { border: 1px solid #c9d0dc; padding: .15rem .45rem; text-align: right; }
        table.tensor td.wrong { background: #ffd9d6; color: #8a1c12; font-weight: 600; }
        .status-correct { color: #1a7f37; } .status-partial { color: #9a6700; }
        .status-incorrect, .status-invalid { color: #b42318; } .status-missing { color: #6e7781; }
        .feedback { color: #41495a; max-width: 40rem; }
        .muted { color: #6e7781; } svg text { font-size: 11px; fill: #41495a; }
        """;

    private const string SortScript = """
        document.querySelectorAll('table.sortable th').forEach((th, col) => th.addEventListener('click', () => {
          const body = th.closest('table').tBodies[0];
          const dir = th.dataset.dir === 'asc' ? -1 : 1; th.dataset.dir = dir === 1 ? 'asc' : 'desc';
          const key = r => { const c = r.cells[col]; return c.dataset.sort ?? c.textContent.trim(); };
          [...body.rows].sort((a, b) => {
            const x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
            return dir * (!isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y));
          }).forEach(r => body.appendChild(r));
        }));
        """;

    /// <summary>Escapes text for HTML.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A number for people.</summary>
    public static string N(double? v) => v is { } x ? TensorText.Number(Math.Round(x, 4)) : "—";

    /// <summary>A percentage.</summary>
    public static string P(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A UTC time.</summary>
    public static string T(DateTime? t) => t is { } x ? x.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "—";

    /// <summary>A whole page.</summary>
    public static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)} — Grader</title><style>{Style}</style></head>"
        + $"<body>{body}<script>{SortScript}</script></body></html>";

    /// <summary>A tensor as a table (a scalar as a single cell); cells at <paramref name="wrong"/> indices are marked.</summary>
    public static string Tensor(Tensor? t, IReadOnlyList<int[]>? wrong = null)
    {
        if (t is null)
        {
            return "<span class=\"muted\">—</span>";
        }

        var marked = new HashSet<int>((wrong ?? []).Where(i => i.Length == t.Rank).Select(i => SafeOffset(t, i)).Where(o => o >= 0));
        if (t.IsScalarLike && t.Rank <= 1)
        {
            marked.UnionWith((wrong ?? []).Count > 0 ? [0] : []);
        }

        var sb = new StringBuilder();
        var cols = t.Rank == 0 ? 1 : t.Shape[^1];
        var rows = cols == 0 ? 0 : t.Count / cols;
        sb.Append("<table class=\"tensor\">");
        for (var r = 0; r < rows; r++)
        {
            sb.Append("<tr>");
            for (var c = 0; c < cols; c++)
            {
                var o = (r * cols) + c;
                var index = t.Rank == 0 ? "" : string.Join(",", t.IndexOf(o));
                sb.Append(marked.Contains(o) ? $"<td class=\"wrong\" data-index=\"{index}\">" : $"<td data-index=\"{index}\">")
                  .Append(E(TensorText.Number(t.Data[o]))).Append("</td>");
            }

            sb.Append("</tr>");
        }

        return sb.Append("</table>").ToString();
    }

    private static int SafeOffset(Tensor t, int[] index)
    {
        try
        {
            return t.Offset(index);
        }
        catch (ShapeException)
        {
            return -1;
        }
    }
}
