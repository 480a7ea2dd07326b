using System.CommandLine;
using Grader.Worker.Access;
using Grader.Worker.Settings;
using Grader.Worker.Students;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>roster import FILE.csv</c>, <c>roster list [--format text|json]</c>, <c>roster reset-link STUDENT</c>:
/// the class list in the service's database (the service need not be running; a running one sees changes within seconds).
/// </summary>
public static class RosterCommand
{
    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("roster", "The class list: import it, list the personal links, replace a link");

        var file = new Argument<string>("file") { Description = "A CSV file with a 'student' column (and optionally 'name', 'email')" };
        var database = CliDatabase.DatabaseOption();
        var studentColumn = new Option<string?>("--student-column") { Description = "The column holding the student id (default: student, or an LMS export's id column)" };
        var nameColumn = new Option<string?>("--name-column") { Description = "The column holding the name (default: name, or first name and surname)" };
        var emailColumn = new Option<string?>("--email-column") { Description = "The column holding the email (default: email or email address)" };
        var import = new Command("import", "Add and update students from a CSV file (never deletes students or grades)") { file, database, studentColumn, nameColumn, emailColumn };
        import.SetAction((r, ct) => ImportAsync(
            r.GetValue(file)!, r.GetValue(database), new RosterColumns(r.GetValue(studentColumn), r.GetValue(nameColumn), r.GetValue(emailColumn)), console, ct));

        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var listDatabase = CliDatabase.DatabaseOption();
        var list = new Command("list", "Print each student with their personal link") { format, listDatabase };
        list.SetAction((r, ct) => ListAsync(r.GetValue(format)!, r.GetValue(listDatabase), console, ct));

        var student = new Argument<string>("student") { Description = "The student id" };
        var resetDatabase = CliDatabase.DatabaseOption();
        var reset = new Command("reset-link", "Give a student a new link (the old one stops working)") { student, resetDatabase };
        reset.SetAction((r, ct) => ResetAsync(r.GetValue(student)!, r.GetValue(resetDatabase), console, ct));

        command.Subcommands.Add(import);
        command.Subcommands.Add(list);
        command.Subcommands.Add(reset);
        return command;
    }

    /// <summary>Imports a class list; 0 on success, 1 when the file cannot be read.</summary>
    public static Task<int> ImportAsync(string path, string? database, CliConsole console, CancellationToken ct) =>
        ImportAsync(path, database, RosterColumns.Recognised, console, ct);

    /// <summary>Imports a class list whose columns may be named; 0 on success, 1 when the file cannot be read.</summary>
    public static async Task<int> ImportAsync(string path, string? database, RosterColumns columns, CliConsole console, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            console.Error.WriteLine($"{path}: no such file");
            return 1;
        }

        var read = RosterCsv.Read(await File.ReadAllBytesAsync(path, ct), path, columns);
        foreach (var w in read.Warnings)
        {
            console.Error.WriteLine("warning: " + w);
        }

        if (read.Error is not null)
        {
            console.Error.WriteLine(read.Error);
            return 1;
        }

        using var host = CliDatabase.Open(database, null, create: true, console)!;
        var import = await host.Services.GetRequiredService<RosterService>().ImportAsync(read, ct);
        console.Out.WriteLine($"{import.Added} added, {import.Updated} updated, {import.Unchanged} unchanged; "
            + $"{(await host.Services.GetRequiredService<StudentDirectory>().ListAsync(ct)).Count} students on the class list");
        return 0;
    }

    /// <summary>Lists the class list with links.</summary>
    public static async Task<int> ListAsync(string format, string? database, CliConsole console, CancellationToken ct)
    {
        using var host = CliDatabase.Open(database, null, create: false, console);
        if (host is null)
        {
            return 1;
        }

        var students = await host.Services.GetRequiredService<StudentDirectory>().ListAsync(ct);
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraderOptions>>().Value;
        var baseUrl = (options.PublicUrl ?? options.Url).TrimEnd('/');
        if (format == "json")
        {
            console.Out.WriteLine(RosterJson.Write(students, baseUrl));
            return 0;
        }

        if (students.Count == 0)
        {
            console.Out.WriteLine("no class list (open mode)");
            return 0;
        }

        var width = students.Max(s => s.StudentId.Length);
        foreach (var s in students)
        {
            console.Out.WriteLine($"{s.StudentId.PadRight(width)}  {baseUrl}{s.Link}  {s.Name}{(s.Email is null ? "" : $" <{s.Email}>")}".TrimEnd());
        }

        return 0;
    }

    /// <summary>Replaces a student's link; 1 when the student is not on the list.</summary>
    public static async Task<int> ResetAsync(string student, string? database, CliConsole console, CancellationToken ct)
    {
        using var host = CliDatabase.Open(database, null, create: false, console);
        if (host is null)
        {
            return 1;
        }

        if (await host.Services.GetRequiredService<RosterService>().ResetLinkAsync(student, ct) is not { } s)
        {
            console.Error.WriteLine($"student '{student}' is not on the class list");
            return 1;
        }

        console.Out.WriteLine($"{s.StudentId}  {s.Link}");
        return 0;
    }
}
