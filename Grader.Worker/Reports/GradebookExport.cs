using System.Text;
using System.Text.Json;
using Grader.Domain.Grading;
using Grader.Worker.Course;
using Grader.Worker.Settings;
using Grader.Worker.Access;
using Grader.Worker.Students;

namespace Grader.Worker.Reports;

/// <summary>
/// Streams an assignment's gradebook (<see cref="Gradebook.ToCsv"/> or <see cref="Gradebook.ToJson"/>,
/// the same text) from the stored standings, <see cref="ChunkSize"/> students at a time: only one
/// chunk's reports are in memory at once. A first pass over the reports collects the question
/// columns (the assignment's, then any other a report holds, in student order), a second writes the rows.
/// </summary>
public static class GradebookExport
{
    /// <summary>Students whose reports are read at once (200; a test sets it lower to cross chunk boundaries).</summary>
    public static int ChunkSize { get; set; } = 200;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the CSV to <paramref name="output"/>.</summary>
    public static Task CsvAsync(Stream output, string id, StandingStore standings, ClassRecords records, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options, CancellationToken ct) =>
        WriteAsync(output, id, standings, records, catalog, students, options, json: false, ct);

    /// <summary>Writes the JSON to <paramref name="output"/>.</summary>
    public static Task JsonAsync(Stream output, string id, StandingStore standings, ClassRecords records, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options, CancellationToken ct) =>
        WriteAsync(output, id, standings, records, catalog, students, options, json: true, ct);

    private static async Task WriteAsync(Stream output, string id, StandingStore standings, ClassRecords records, AssignmentCatalog catalog, StudentDirectory students, GradebookOptions options,
        bool json, CancellationToken ct)
    {
        var assignment = catalog.CurrentVersion(id) is { } v ? await catalog.GetVersionAsync(v, ct) : null;
        var classList = await students.ListAsync(ct);
        var all = await standings.StandingsAsync(id, ct);

        // The rows as Gradebook.Of keeps them: with a class list, its students only, and those of them with no counted submission.
        var onList = classList.Select(s => Domain.Students.StudentIds.Key(s.StudentId)).ToHashSet(StringComparer.Ordinal);
        var kept = classList.Count == 0 ? all : [.. all.Where(s => onList.Contains(Domain.Students.StudentIds.Key(s.Student)))];
        var present = kept.Select(s => Domain.Students.StudentIds.Key(s.Student)).ToHashSet(StringComparer.Ordinal);
        List<string> absent = classList.Count == 0 ? [] : [.. classList.Select(s => s.StudentId).Where(s => !present.Contains(Domain.Students.StudentIds.Key(s)))];
        var rows = kept.Select(s => (Student: s.Student, Standing: (Standing?)s)).Concat(absent.Select(a => (Student: a, Standing: (Standing?)null)))
            .OrderBy(r => r.Student, StringComparer.Ordinal).ToList();
        var contacts = classList.GroupBy(s => Domain.Students.StudentIds.Key(s.StudentId)).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Email));
        var maxScore = assignment?.Questions.Sum(q => q.Points(assignment.Defaults)) ?? kept.Select(s => s.Row.MaxScore).FirstOrDefault();

        // Pass 1: the question columns.
        var questions = new List<string>(assignment?.Questions.Select(q => q.Id) ?? []);
        var seen = questions.ToHashSet(StringComparer.Ordinal);
        foreach (var chunk in kept.Chunk(ChunkSize))
        {
            foreach (var (_, report) in await records.ReportsAsync([.. chunk.Select(s => s.Row)], ct))
            {
                foreach (var q in report.Questions.Where(q => seen.Add(q.Id)))
                {
                    questions.Add(q.Id);
                }
            }
        }

        // Pass 2: the rows, a chunk at a time, written as the in-memory gradebook writes them.
        await using var writer = json ? new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }) : null;
        if (writer is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("assignment", id);
            writer.WriteStartArray("questions");
            questions.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteStartArray("students");
        }

        var first = true;
        foreach (var chunk in rows.Chunk(ChunkSize))
        {
            var counted = chunk.Where(r => r.Standing is not null).Select(r => r.Standing!).ToList();
            var reports = (await records.ReportsAsync([.. counted.Select(s => s.Row)], ct)).ToDictionary(r => r.Row.Id, r => r.Report);
            var book = new Gradebook(id, questions, [.. counted.Where(s => reports.ContainsKey(s.Row.Id)).Select(s => (s, reports[s.Row.Id]))])
            {
                Absent = [.. chunk.Where(r => r.Standing is null).Select(r => r.Student)],
                Contacts = contacts,
                Missing = classList.Count == 0 ? MissingGrade.Blank : options.Missing,
                MaxScore = classList.Count == 0 ? null : maxScore,
            };
            if (writer is not null)
            {
                using var doc = JsonDocument.Parse(book.ToJson());
                foreach (var student in doc.RootElement.GetProperty("students").EnumerateArray())
                {
                    student.WriteTo(writer);
                }

                await writer.FlushAsync(ct);
            }
            else
            {
                var text = book.ToCsv();
                await output.WriteAsync(Utf8.GetBytes(first ? text : text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..]), ct);
            }

            first = false;
        }

        if (writer is not null)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(ct);
        }
        else if (first)
        {
            var text = new Gradebook(id, questions, []).ToCsv(); // the header alone
            await output.WriteAsync(Utf8.GetBytes(text), ct);
        }
    }
}
