using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Grader.Domain.Grading;
using Grader.Domain.Students;

namespace Grader.Worker.Reports;

/// <summary>
/// The gradebook of an assignment: one row per student (the submission the course rules count),
/// a column per question (raw), the raw total, the penalty, the counted total, attempts, how late,
/// and whether the grade used an older version of the assignment. CSV for spreadsheets and LMS
/// imports, and the same as JSON. When a class list exists, only its students have rows, and those
/// with no counted submission (<see cref="Absent"/>) get blank or zero cells (<see cref="Missing"/>).
/// </summary>
public sealed record Gradebook(string Assignment, IReadOnlyList<string> Questions, IReadOnlyList<(Standing Standing, GradeReport Report)> Students)
{
    /// <summary>The class-list students with no counted submission (empty without a class list).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    /// <summary>Each class-list student's name and email, by <see cref="StudentIds.Key"/> (empty without a class list).</summary>
    public IReadOnlyDictionary<string, (string? Name, string? Email)> Contacts { get; init; } = new Dictionary<string, (string? Name, string? Email)>();

    /// <summary>What the <see cref="Absent"/> students' cells hold.</summary>
    public MissingGrade Missing { get; init; } = MissingGrade.Blank;

    /// <summary>The assignment's maximum score, for the <see cref="Absent"/> rows (null: not loaded).</summary>
    public double? MaxScore { get; init; }

    /// <summary>Every row in student-id order: the counted submissions, and the absent students with none.</summary>
    public IEnumerable<(string Student, Standing? Standing, GradeReport? Report)> Rows =>
        Students.Select(s => (s.Standing.Student, (Standing?)s.Standing, (GradeReport?)s.Report))
            .Concat(Absent.Select(a => (a, (Standing?)null, (GradeReport?)null)))
            .OrderBy(r => r.Item1, StringComparer.Ordinal);

    /// <summary>The score an absent student's cell shows: 0, or null (blank).</summary>
    private double? Fill => Missing == MissingGrade.Zero ? 0 : null;

    /// <summary>
    /// A score as both exports write it: to 6 decimal places, so that the floating-point noise of
    /// a penalty (6 × 0.8 = 4.800000000000001) is gone and a number with no more places (0.5, 13) is kept exactly.
    /// </summary>
    public static double Points(double score) => Math.Round(score, 6);

    /// <summary>
    /// The CSV text: <c>student, name, email, submission, submitted_at, question ids…, raw, penalty, total,
    /// max_score, attempts, late_hours, outdated</c>; <c>total</c> is the counted score.
    /// </summary>
    public string ToCsv()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var h in (string[])["student", "name", "email", "submission", "submitted_at", .. Questions, "raw", "penalty", "total", "max_score", "attempts", "late_hours", "outdated"])
            {
                csv.WriteField(h);
            }

            csv.EndRecord();
            foreach (var (student, standing, report) in Rows)
            {
                if (standing is null || report is null)
                {
                    var fill = Fill is { } f ? f.ToString(CultureInfo.InvariantCulture) : "";
                    csv.WriteField(student);
                    WriteContact(csv, student);
                    csv.WriteField("");
                    csv.WriteField("");
                    foreach (var _ in Questions)
                    {
                        csv.WriteField(fill);
                    }

                    csv.WriteField(fill);
                    csv.WriteField(fill);
                    csv.WriteField(fill);
                    csv.WriteField(MaxScore is { } m ? Points(m).ToString("0.######", CultureInfo.InvariantCulture) : "");
                    csv.WriteField("0");
                    csv.WriteField("");
                    csv.WriteField("");
                    csv.EndRecord();
                    continue;
                }

                var s = standing;
                csv.WriteField(s.Student);
                WriteContact(csv, s.Student);
                csv.WriteField(s.Row.Id.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(s.Row.ReceivedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                foreach (var q in Questions)
                {
                    if (report.Questions.FirstOrDefault(r => r.Id == q) is { } result)
                    {
                        csv.WriteField(Points(result.Score), "0.######");
                    }
                    else
                    {
                        csv.WriteField("");
                    }
                }

                csv.WriteField(Points(report.Score), "0.######");
                csv.WriteField(Points(s.Penalty), "0.######");
                csv.WriteField(Points(s.Total), "0.######");
                csv.WriteField(Points(report.MaxScore), "0.######");
                csv.WriteField(s.Attempts.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(Math.Round(s.Counted.Admission.Late.TotalHours, 2), "0.##");
                csv.WriteField(s.Outdated ? "yes" : "no");
                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The same as JSON (<c>missing: true</c> on an absent student's row, whose scores are 0 or null),
    /// its scores rounded as the CSV's (<see cref="Points"/>).
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        assignment = Assignment,
        questions = Questions,
        students = Rows.Select(r => r.Standing is { } s && r.Report is { } report
            ? new
            {
                student = s.Student,
                name = Contact(s.Student).Name,
                email = Contact(s.Student).Email,
                submission = (long?)s.Row.Id,
                submittedAt = (DateTime?)s.Row.ReceivedAt,
                scores = Questions.ToDictionary(q => q, q => report.Questions.FirstOrDefault(x => x.Id == q) is { } x ? Points(x.Score) : (double?)null),
                raw = (double?)Points(report.Score),
                penalty = (double?)Points(s.Penalty),
                total = (double?)Points(s.Total),
                maxScore = (double?)Points(report.MaxScore),
                attempts = s.Attempts,
                lateHours = (double?)Math.Round(s.Counted.Admission.Late.TotalHours, 2),
                outdated = s.Outdated,
                missing = false,
            }
            : new
            {
                student = r.Student,
                name = Contact(r.Student).Name,
                email = Contact(r.Student).Email,
                submission = (long?)null,
                submittedAt = (DateTime?)null,
                scores = Questions.ToDictionary(q => q, _ => Fill),
                raw = Fill,
                penalty = Fill,
                total = Fill,
                maxScore = MaxScore is { } m ? Points(m) : (double?)null,
                attempts = 0,
                lateHours = (double?)null,
                outdated = false,
                missing = true,
            }),
    }, new JsonSerializerOptions { WriteIndented = true });

    private (string? Name, string? Email) Contact(string student) => Contacts.GetValueOrDefault(StudentIds.Key(student));

    private void WriteContact(CsvWriter csv, string student)
    {
        var (name, email) = Contact(student);
        csv.WriteField(name ?? "");
        csv.WriteField(email ?? "");
    }

    /// <summary>
    /// Builds the gradebook from each student's counted report. With a class list (non-empty
    /// <paramref name="classList"/>), only its students have rows (ids compared trimmed and
    /// case-folded); those with no counted submission are <see cref="Absent"/>.
    /// </summary>
    public static Gradebook Of(string assignment, IReadOnlyList<(Standing Standing, GradeReport Report)> students, IEnumerable<string> questionOrder,
        IReadOnlyList<string>? classList = null, MissingGrade missing = MissingGrade.Blank, double? maxScore = null)
    {
        if (classList is not { Count: > 0 })
        {
            return new(assignment, [.. questionOrder.Union(students.SelectMany(s => s.Report.Questions.Select(q => q.Id)))], students);
        }

        var onList = classList.Select(StudentIds.Key).ToHashSet(StringComparer.Ordinal);
        var kept = students.Where(s => onList.Contains(StudentIds.Key(s.Standing.Student))).ToList();
        var present = kept.Select(s => StudentIds.Key(s.Standing.Student)).ToHashSet(StringComparer.Ordinal);
        return new(assignment, [.. questionOrder.Union(kept.SelectMany(s => s.Report.Questions.Select(q => q.Id)))], kept)
        {
            Absent = [.. classList.Where(id => !present.Contains(StudentIds.Key(id)))],
            Missing = missing,
            MaxScore = maxScore ?? kept.Select(s => (double?)s.Report.MaxScore).FirstOrDefault(),
        };
    }
}
