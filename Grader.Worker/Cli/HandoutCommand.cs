using System.CommandLine;
using Grader.Domain.Assignments;
using Grader.Domain.Output;
using Grader.Domain.Students;
using Grader.Worker.Access;
using Grader.Worker.Host;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Pages.Student;
using Grader.Worker.Settings;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>handout ASSIGNMENT --student ID [--format text|json|html] [--out DIR]</c> prints one student's
/// values and questions, never the answers; <c>handout ASSIGNMENT --all --out DIR</c> writes one
/// printable HTML page per class-list student (with the stylesheet and KaTeX beside them).
/// ASSIGNMENT is an assignment file or the id of one in the assignments folder.
/// </summary>
public static class HandoutCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var assignment = new Argument<string>("assignment") { Description = "An assignment file, or the id of one in the assignments folder" };
        var student = new Option<string?>("--student") { Description = "The student whose handout to print" };
        var all = new Option<bool>("--all") { Description = "One page per student on the class list (needs --out)" };
        var format = new Option<string>("--format") { Description = "text, json or html", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        var output = new Option<string?>("--out") { Description = "Write HTML pages into this folder instead of printing" };
        var database = CliDatabase.DatabaseOption();
        var assignments = CliDatabase.AssignmentsOption();
        var command = new Command("handout", "Print a student's own values and the questions (no answers), or write a printable page per student")
        {
            assignment, student, all, format, output, database, assignments,
        };
        command.SetAction((r, ct) => RunAsync(
            r.GetValue(assignment)!, r.GetValue(student), r.GetValue(all), r.GetValue(format)!, r.GetValue(output), r.GetValue(database), r.GetValue(assignments), console, ct));
        return command;
    }

    /// <summary>Prints or writes handouts; 0 on success, 1 on a usage or input problem.</summary>
    public static async Task<int> RunAsync(
        string assignmentArg, string? student, bool all, string format, string? outDir, string? database, string? assignmentsDir, CliConsole console, CancellationToken ct)
    {
        if (all == (student is not null))
        {
            console.Error.WriteLine("say whose handout: --student ID, or --all --out DIR for everyone on the class list");
            return 1;
        }

        if (all && outDir is null)
        {
            console.Error.WriteLine("--all writes one page per student: give the folder with --out DIR");
            return 1;
        }

        if (Load(assignmentArg, assignmentsDir, console) is not { } assignment)
        {
            return 1;
        }

        if (!all && outDir is null)
        {
            var handout = Handout.Of(assignment, student!.Trim());
            console.Out.WriteLine(format switch
            {
                "json" => HandoutJson.Write(handout),
                "html" => await HtmlAsync(handout, null, ""),
                _ => HandoutText.Write(handout, (assignment.Policy, CourseZone())),
            });
            return 0;
        }

        IReadOnlyList<StudentIdentity> students;
        if (all)
        {
            using var host = CliDatabase.Open(database, assignmentsDir, create: false, console);
            if (host is null)
            {
                return 1;
            }

            students = await host.Services.GetRequiredService<StudentDirectory>().ListAsync(ct);
            if (students.Count == 0)
            {
                console.Error.WriteLine("the class list is empty: import one with 'roster import FILE.csv'");
                return 1;
            }
        }
        else
        {
            students = [new StudentIdentity(student!.Trim(), null, null, "")];
        }

        Directory.CreateDirectory(outDir!);
        CopyAssets(outDir!);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in students)
        {
            var name = FileName(s.StudentId, used);
            await File.WriteAllTextAsync(Path.Combine(outDir!, name), await HtmlAsync(Handout.Of(assignment, s.StudentId), s.Name, ""), ct);
        }

        console.Out.WriteLine($"wrote {students.Count} handout(s) of {assignment.Id} to {Path.GetFullPath(outDir!)}");
        return 0;
    }

    /// <summary>The course's time zone: the service's <c>TimeZone</c> setting (appsettings.json, <c>Grader__TimeZone</c>), else UTC.</summary>
    private static TimeZoneInfo CourseZone()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).AddEnvironmentVariables().Build();
        return (configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions()).CourseZone;
    }

    private static async Task<string> HtmlAsync(Handout handout, string? name, string assetBase)
    {
        await using var renderer = new PageRenderer();
        return await renderer.RenderAsync<HandoutPage>(new Dictionary<string, object?> { [nameof(HandoutPage.Handout)] = handout, [nameof(HandoutPage.Name)] = name, [nameof(HandoutPage.AssetBase)] = assetBase });
    }

    internal static Assignment? Load(string arg, string? assignmentsDir, CliConsole console)
    {
        var path = File.Exists(arg) ? arg : Find(arg, assignmentsDir ?? new GraderOptions().AssignmentsPath);
        if (path is null)
        {
            console.Error.WriteLine($"'{arg}' is neither an assignment file nor the id of one in {Path.GetFullPath(assignmentsDir ?? new GraderOptions().AssignmentsPath)}");
            return null;
        }

        var loaded = AssignmentLoader.LoadFile(path);
        foreach (var d in loaded.Diagnostics)
        {
            console.Error.WriteLine(d);
        }

        return loaded.Assignment;
    }

    private static string? Find(string id, string folder) =>
        !Directory.Exists(folder) ? null
        : Directory.EnumerateFiles(folder, "*.y*ml").Order(StringComparer.Ordinal)
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == id || AssignmentLoader.LoadFile(f).Assignment?.Id == id);

    private static void CopyAssets(string outDir)
    {
        foreach (var folder in StaticAssetFolders.Folders)
        {
            var source = Path.Combine(AppContext.BaseDirectory, folder);
            if (!Directory.Exists(source))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(outDir, folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    private static string FileName(string studentId, HashSet<string> used)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var stem = new string([.. studentId.Select(c => invalid.Contains(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)]);
        stem = stem.Trim('.') is { Length: > 0 } s ? s : "student";
        var name = stem + ".html";
        for (var i = 2; !used.Add(name); i++)
        {
            name = $"{stem}-{i}.html";
        }

        return name;
    }
}
