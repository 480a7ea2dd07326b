using System.Text;
using Grader.Data.Entities;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Reports;
using static Grader.Worker.Reports.Html;

namespace Grader.Worker.Reports;

/// <summary>The report pages: the assignments, one assignment's class, one submission's report.</summary>
public static class Pages
{
    /// <summary>The home page: each assignment with submission count, mean score and last activity.</summary>
    public static string Home(IReadOnlyList<AssignmentSummary> assignments)
    {
        var sb = new StringBuilder("<h1>Assignments</h1><table class=\"list sortable\" id=\"assignments\"><thead><tr>"
            + "<th>assignment</th><th>title</th><th class=\"num\">submissions</th><th class=\"num\">students</th><th class=\"num\">mean score</th><th>last activity</th></tr></thead><tbody>");
        foreach (var a in assignments)
        {
            sb.Append($"<tr><td><a href=\"/assignments/{Uri.EscapeDataString(a.Id)}\">{E(a.Id)}</a></td><td>{E(a.Title)}</td>")
              .Append($"<td class=\"num\">{a.Submissions}</td><td class=\"num\">{a.Students}</td>")
              .Append($"<td class=\"num\">{N(a.MeanScore)}{(a.MaxScore is { } m ? " / " + N(m) : "")}</td><td>{T(a.LastActivity)}</td></tr>");
        }

        sb.Append("</tbody></table><p class=\"muted\">Grading queue: <a href=\"/hangfire\" id=\"dashboard\">Hangfire Dashboard</a></p>");
        return Page("Assignments", sb.ToString());
    }

    /// <summary>One assignment: its submissions, the score histogram and per-question statistics.</summary>
    public static string Assignment(string id, string title, IReadOnlyList<SubmissionRow> rows, ClassStatistics stats)
    {
        var sb = new StringBuilder($"<p><a href=\"/\">← assignments</a></p><h1>{E(id)}: {E(title)}</h1>");
        sb.Append($"<p>{stats.Students} student(s) graded; mean {N(stats.MeanScore)} / {N(stats.MaxScore)}. ")
          .Append($"Export: <a href=\"/assignments/{Uri.EscapeDataString(id)}/gradebook.csv\">gradebook.csv</a>, ")
          .Append($"<a href=\"/assignments/{Uri.EscapeDataString(id)}/gradebook.json\">gradebook.json</a></p>");
        sb.Append("<h2>Score distribution</h2>").Append(Histogram(stats));
        sb.Append("<h2>Questions</h2><table class=\"list\" id=\"question-stats\"><thead><tr><th>question</th><th class=\"num\">mean</th>"
            + "<th class=\"num\">correct</th><th class=\"num\">partial</th><th class=\"num\">incorrect</th><th class=\"num\">missing</th><th class=\"num\">invalid</th>"
            + "<th>most common wrong answers</th><th>most common feedback</th></tr></thead><tbody>");
        foreach (var q in stats.Questions)
        {
            sb.Append($"<tr data-question=\"{E(q.Id)}\"><td>{E(q.Id)}</td><td class=\"num mean\">{N(q.MeanScore)} / {N(q.MaxScore)}</td>")
              .Append($"<td class=\"num correct\">{P(q.ShareCorrect)}</td><td class=\"num partial\">{P(q.SharePartial)}</td>")
              .Append($"<td class=\"num incorrect\">{P(q.ShareIncorrect)}</td><td class=\"num missing\">{P(q.ShareMissing)}</td><td class=\"num invalid\">{P(q.ShareInvalid)}</td>")
              .Append("<td>").Append(string.Join("<br>", q.CommonWrongAnswers.Select(w => $"<code>{E(w.Answer)}</code> ×{w.Count}"))).Append("</td>")
              .Append("<td class=\"feedback\">").Append(string.Join("<br>", q.CommonFeedback.Select(f => $"{E(f.Feedback)} ×{f.Count}"))).Append("</td></tr>");
        }

        sb.Append("</tbody></table><h2>Submissions</h2><p class=\"muted\">Click a column to sort.</p>")
          .Append("<table class=\"list sortable\" id=\"submissions\"><thead><tr><th>student</th><th class=\"num\">score</th><th>status</th><th>received</th><th>submission</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            sb.Append($"<tr><td>{E(r.Student ?? "—")}</td><td class=\"num\" data-sort=\"{(r.Score ?? -1).ToString(System.Globalization.CultureInfo.InvariantCulture)}\">{N(r.Score)}{(r.MaxScore is { } m ? " / " + N(m) : "")}</td>")
              .Append($"<td class=\"status-{r.Status.ToString().ToLowerInvariant()}\">{r.Status.ToString().ToLowerInvariant()}</td>")
              .Append($"<td data-sort=\"{r.ReceivedAt:O}\">{T(r.ReceivedAt)}</td><td><a href=\"/submissions/{r.Id}\">#{r.Id}</a></td></tr>");
        }

        return Page(id, sb.Append("</tbody></table>").ToString());
    }

    /// <summary>One submission's report: each question with its text, key and given answer side by side, wrong cells marked.</summary>
    public static string Submission(Submission s, GradeReport? report, Assignment? assignment, bool isTa)
    {
        var sb = new StringBuilder(isTa && s.AssignmentId is not null ? $"<p><a href=\"/assignments/{Uri.EscapeDataString(s.AssignmentId)}\">← {E(s.AssignmentId)}</a></p>" : "");
        sb.Append($"<h1>Submission #{s.Id}: {E(s.AssignmentId ?? "?")}, student {E(s.Student ?? "?")}</h1>")
          .Append($"<p>Received {T(s.ReceivedAt)}; status <span class=\"status-{s.Status.ToString().ToLowerInvariant()}\">{s.Status.ToString().ToLowerInvariant()}</span>");
        if (s.Reason is not null)
        {
            sb.Append($" — {E(s.Reason)}");
        }

        if (report is null)
        {
            return Page($"Submission {s.Id}", sb.Append(".</p>").ToString());
        }

        sb.Append($". Score <strong id=\"score\">{N(report.Score)} / {N(report.MaxScore)}</strong>.</p>");
        sb.Append("<table class=\"list\" id=\"report\"><thead><tr><th>question</th><th>key</th><th>your answer</th><th class=\"num\">score</th><th>feedback</th></tr></thead><tbody>");
        foreach (var q in report.Questions)
        {
            var question = assignment?.FindQuestion(q.Id);
            var showKey = isTa || (question?.ShowKey(assignment!.Defaults) ?? ShowKey.AfterGrading) != ShowKey.Never;
            sb.Append($"<tr data-question=\"{E(q.Id)}\"><td><strong>{E(q.Id)}</strong><br><span class=\"muted\">{E(question?.Text)}</span></td>")
              .Append($"<td class=\"key\">{(showKey ? Tensor(q.Expected) : "<span class=\"muted\">not shown</span>")}</td>")
              .Append($"<td class=\"given\">{Tensor(q.Given, WrongCells(q))}</td>")
              .Append($"<td class=\"num\">{N(q.Score)} / {N(q.MaxScore)}<br><span class=\"status-{q.Status.ToString().ToLowerInvariant()}\">{q.Status.ToString().ToLowerInvariant()}</span></td>")
              .Append($"<td class=\"feedback\">{E(q.Feedback)}</td></tr>");
        }

        foreach (var w in report.Warnings)
        {
            sb.Append($"<tr><td colspan=\"5\" class=\"muted\">warning: {E(w)}</td></tr>");
        }

        return Page($"Submission {s.Id}", sb.Append("</tbody></table>").ToString());
    }

    /// <summary>The given answer's cells to mark: the wrong elements, or every cell when the shape is wrong.</summary>
    private static IReadOnlyList<int[]> WrongCells(QuestionResult q) =>
        q.Given is { } g && q.Expected is { } k && !g.SameShape(k) && !(g.IsScalarLike && k.IsScalarLike) && q.Status != QuestionStatus.Correct
            ? [.. Enumerable.Range(0, g.Count).Select(g.IndexOf)]
            : q.Wrong;

    /// <summary>A page for a refused request.</summary>
    public static string Refused(int status) => Page(
        status == 401 ? "Sign in" : "Forbidden",
        status == 401
            ? "<h1>401: a TA token is needed</h1><p>Open this page with <code>?token=YOUR-TA-TOKEN</code> (printed when the service first started, and kept in <code>data/ta-token.txt</code>), or a submission's report with its <code>?receipt=</code>.</p>"
            : "<h1>403: not yours</h1><p>This receipt opens its own submission's report and nothing else.</p>");

    private static string Histogram(ClassStatistics stats)
    {
        const int Width = 520, Height = 180, Left = 30, Bottom = 30;
        var max = Math.Max(1, stats.Histogram.Max());
        var barWidth = (Width - Left - 10) / 10.0;
        var sb = new StringBuilder($"<svg id=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"score histogram\">");
        for (var i = 0; i < 10; i++)
        {
            var h = (Height - Bottom - 10) * stats.Histogram[i] / (double)max;
            var x = Left + (i * barWidth);
            var y = Height - Bottom - h;
            var label = i == 9 ? "90–100%" : $"{i * 10}–{(i + 1) * 10}%";
            sb.Append(System.FormattableString.Invariant($"<rect class=\"bar\" data-bin=\"{i}\" data-count=\"{stats.Histogram[i]}\" x=\"{x + 2:0.#}\" y=\"{y:0.#}\" width=\"{barWidth - 4:0.#}\" height=\"{h:0.#}\" fill=\"#4c78a8\"><title>{label}: {stats.Histogram[i]}</title></rect>"))
              .Append(System.FormattableString.Invariant($"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{Height - Bottom + 14}\" text-anchor=\"middle\">{i * 10}</text>"));
            if (stats.Histogram[i] > 0)
            {
                sb.Append(System.FormattableString.Invariant($"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{y - 3:0.#}\" text-anchor=\"middle\">{stats.Histogram[i]}</text>"));
            }
        }

        sb.Append(System.FormattableString.Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - 10}\" y2=\"{Height - Bottom}\" stroke=\"#41495a\"/>"))
          .Append(System.FormattableString.Invariant($"<text x=\"{Width / 2}\" y=\"{Height - 4}\" text-anchor=\"middle\">score, % of maximum</text>"));
        return sb.Append("</svg>").ToString();
    }
}
