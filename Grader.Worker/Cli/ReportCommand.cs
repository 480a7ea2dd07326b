using System.CommandLine;
using Grader.Data;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Host;
using Grader.Worker.Pages.Ta;
using Grader.Worker.Reports;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>report &lt;assignment-id&gt; --csv FILE [--json FILE]</c>: writes the gradebook from the service's
/// database (the same settings as <c>serve</c>; the service need not be running).
/// </summary>
public static class ReportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("assignment-id") { Description = "The assignment" };
        var csv = new Option<string?>("--csv") { Description = "Write the gradebook as CSV to this file" };
        var json = new Option<string?>("--json") { Description = "Write the gradebook as JSON to this file" };
        var database = new Option<string?>("--database") { Description = "The SQLite file (default: the service's, data/grader.db)" };
        var assignments = new Option<string?>("--assignments") { Description = "The assignments folder (default: assignments)" };
        var command = new Command("report", "Export an assignment's gradebook (one row per student, a column per question, the total)") { id, csv, json, database, assignments };
        command.SetAction((r, ct) => RunAsync(r.GetValue(id)!, r.GetValue(csv), r.GetValue(json), r.GetValue(database), r.GetValue(assignments), console, ct));
        return command;
    }

    /// <summary>Writes the files; returns 0, or 1 when nothing was asked for or the assignment is unknown.</summary>
    public static async Task<int> RunAsync(string assignmentId, string? csvPath, string? jsonPath, string? databasePath, string? assignmentsPath, CliConsole console, CancellationToken ct)
    {
        if (csvPath is null && jsonPath is null)
        {
            console.Error.WriteLine("say where to write: --csv FILE and/or --json FILE");
            return 1;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{GraderOptions.Section}:{nameof(GraderOptions.DatabasePath)}"] = databasePath ?? builder.Configuration[$"{GraderOptions.Section}:{nameof(GraderOptions.DatabasePath)}"],
            [$"{GraderOptions.Section}:{nameof(GraderOptions.AssignmentsPath)}"] = assignmentsPath ?? builder.Configuration[$"{GraderOptions.Section}:{nameof(GraderOptions.AssignmentsPath)}"],
        });
        builder.Services.AddOptions<GraderOptions>().BindConfiguration(GraderOptions.Section);
        builder.Services.AddOptions<GradebookOptions>().BindConfiguration(GradebookOptions.Section);
        var options = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions();
        if (!options.Database.IsPostgres && !File.Exists(Path.GetFullPath(options.DatabasePath)))
        {
            console.Error.WriteLine($"no database at {Path.GetFullPath(options.DatabasePath)} (run the service first, or set Grader__DatabasePath)");
            return 1;
        }

        builder.Services.AddPooledDbContextFactory<GraderDbContext>(o => GraderServiceExtensions.UseDatabase(o, options));
        builder.Services.AddSingleton<AssignmentCatalog>();
        builder.Services.AddSingleton<ClassRecords>();
        builder.Services.AddSingleton<StandingStore>();
        builder.Services.AddSingleton<Course.IStandingUpdates>(services => services.GetRequiredService<StandingStore>());
        builder.Services.AddSingleton<StudentDirectory>();
        builder.Services.AddSingleton<CourseRules>();
        builder.Services.AddKeyedSingleton(CourseRules.ClockKey, TimeProvider.System);
        using var host = builder.Build();
        var catalog = host.Services.GetRequiredService<AssignmentCatalog>();
        await catalog.ReloadAsync(ct);
        var records = host.Services.GetRequiredService<ClassRecords>();
        if (!await Gradebooks.IsKnownAsync(assignmentId, records, catalog, ct))
        {
            console.Error.WriteLine($"unknown assignment '{assignmentId}'");
            return 1;
        }

        var gradebook = await Gradebooks.BuildAsync(assignmentId, records, catalog,
            host.Services.GetRequiredService<StudentDirectory>(), host.Services.GetRequiredService<IOptions<GradebookOptions>>().Value, ct);
        if (csvPath is not null)
        {
            await File.WriteAllTextAsync(csvPath, gradebook.ToCsv(), ct);
        }

        if (jsonPath is not null)
        {
            await File.WriteAllTextAsync(jsonPath, gradebook.ToJson(), ct);
        }

        console.Out.WriteLine($"{gradebook.Rows.Count()} student(s) of {assignmentId} written");
        return 0;
    }
}
