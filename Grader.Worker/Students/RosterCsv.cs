using CsvHelper;
using Grader.Domain.Students;

namespace Grader.Worker.Students;

/// <summary>
/// Reads a class list as CSV: a header row with a <c>student</c> column (required) and optional
/// <c>name</c> and <c>email</c>, matched without regard to case or surrounding spaces; other
/// columns (an LMS export's) are ignored. A UTF-8 byte-order mark, quoted fields, <c>;</c> or tab
/// separators and empty rows are all fine. Ids repeated (after trimming and case-folding) make one
/// student: later rows fill in what earlier ones left empty, and each repeat is a warning.
/// </summary>
public static class RosterCsv
{
    /// <summary>The largest class-list file read.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Reads a class list; <paramref name="name"/> names it in messages.</summary>
    public static RosterFile Read(byte[] bytes, string name)
    {
        if (bytes.Length > MaxBytes)
        {
            return new RosterFile([], [], $"{name}: the class list is over {MaxBytes / (1024 * 1024)} MiB");
        }

        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            return new RosterFile([], [], $"{name}: not UTF-8 text (byte {ex.Index} is not valid UTF-8): save the class list as \"CSV UTF-8\"");
        }

        var rows = new List<RosterRow>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var warnings = new List<string>();
        try
        {
            using var csv = CsvReader.Create(bytes, new CsvReaderOptions
            {
                HasHeader = true,
                SkipEmptyLines = true,
                TrackLineNumbers = true,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
            });
            var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
            var student = headers.IndexOf("student");
            if (student < 0)
            {
                var found = headers.Count == 0 ? "no header row" : "columns: " + string.Join(", ", csv.Headers);
                return new RosterFile([], [], $"{name}:1: a class list needs a 'student' column ({found})");
            }

            var nameColumn = headers.IndexOf("name");
            var emailColumn = headers.IndexOf("email");
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                string? Field(int i) => i < 0 || i >= csv.FieldCount ? null : csv.GetString(i).Trim() is { Length: > 0 } v ? v : null;
                var id = Field(student);
                if (id is null)
                {
                    if (Enumerable.Range(0, csv.FieldCount).Any(i => Field(i) is not null))
                    {
                        warnings.Add($"{name}:{line}: no student id; row skipped");
                    }

                    continue;
                }

                if (id.Length > 200)
                {
                    warnings.Add($"{name}:{line}: student id longer than 200 characters; row skipped");
                    continue;
                }

                var row = new RosterRow(id, Field(nameColumn), Field(emailColumn), line);
                var key = StudentIds.Key(id);
                if (byKey.TryGetValue(key, out var earlier))
                {
                    var first = rows[earlier];
                    warnings.Add($"{name}:{line}: student '{id}' already on line {first.Line}; the rows are merged");
                    rows[earlier] = first with { Name = row.Name ?? first.Name, Email = row.Email ?? first.Email };
                    continue;
                }

                byKey[key] = rows.Count;
                rows.Add(row);
            }
        }
        catch (CsvFormatException ex)
        {
            return new RosterFile([], [], $"{name}: not a readable CSV file: {ex.Message}");
        }

        return new RosterFile(rows, warnings, null);
    }
}
