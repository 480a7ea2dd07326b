using CsvHelper;
using Grader.Domain.Students;

namespace Grader.Worker.Students;

/// <summary>
/// Reads a class list as CSV: a header row, matched without regard to case or surrounding spaces,
/// with the student id in an LMS export's id column or else a <c>student</c> column (Moodle <c>ID number</c>;
/// Canvas <c>SIS User ID</c>, else <c>ID</c>; Blackboard <c>Student ID</c>, else <c>Username</c>;
/// Brightspace <c>OrgDefinedId</c>), the name in <c>name</c> or first name and surname columns
/// (<c>First name</c> + <c>Surname</c> or <c>Last Name</c>), the email in <c>email</c> or
/// <c>Email address</c>; <see cref="RosterColumns"/> names other columns. Other columns are
/// ignored. A UTF-8 byte-order mark, quoted fields, <c>;</c> or tab separators and empty rows are
/// all fine. When an id repeats (after trimming and case-folding), the last row wins, with a warning.
/// </summary>
public static class RosterCsv
{
    /// <summary>The largest class-list file read.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Reads a class list; <paramref name="name"/> names it in messages.</summary>
    public static RosterFile Read(byte[] bytes, string name) => Read(bytes, name, RosterColumns.Recognised);

    /// <summary>Reads a class list whose columns may be named by <paramref name="columns"/>.</summary>
    public static RosterFile Read(byte[] bytes, string name, RosterColumns columns)
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
            var student = Column(headers, columns.Student, "sis user id", "id number", "student id", "orgdefinedid", "student", "id", "username");
            if (student < 0)
            {
                var found = headers.Count == 0 ? "no header row" : "columns: " + string.Join(", ", csv.Headers);
                return columns.Student is { } asked
                    ? new RosterFile([], [], $"{name}:1: no column '{asked}' for the student id ({found})")
                    : new RosterFile([], [], $"{name}:1: a class list needs a 'student' column, or an LMS export's id column ({found})");
            }

            var nameColumn = Column(headers, columns.Name, "name");
            var (first, last) = nameColumn >= 0 || columns.Name is not null
                ? (-1, -1)
                : (headers.IndexOf("first name"), Column(headers, null, "surname", "last name"));
            var emailColumn = Column(headers, columns.Email, "email", "email address");
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

                // As answer files and extensions refuse them: an id with an invisible character (a
                // zero-width space, a bidi isolate) would be a look-alike of another student's.
                if (Domain.Grading.StudentId.Problem(id) is { } invisible)
                {
                    warnings.Add($"{name}:{line}: {invisible}; row skipped");
                    continue;
                }

                var fullName = Field(nameColumn) ?? (string.Join(' ', new[] { Field(first), Field(last) }.OfType<string>()) is { Length: > 0 } joined ? joined : null);
                var row = new RosterRow(id, fullName, Field(emailColumn), line);
                var key = StudentIds.Key(id);
                if (byKey.TryGetValue(key, out var earlier))
                {
                    warnings.Add($"{name}:{line}: student '{id}' already on line {rows[earlier].Line}; the last row wins");
                    rows[earlier] = row;
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

    /// <summary>The index of the column named <paramref name="asked"/>, or else of the first candidate present; −1 when none is.</summary>
    private static int Column(List<string> headers, string? asked, params string[] candidates)
    {
        if (asked is not null)
        {
            return headers.IndexOf(asked.Trim().ToLowerInvariant());
        }

        foreach (var candidate in candidates)
        {
            var i = headers.IndexOf(candidate);
            if (i >= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
