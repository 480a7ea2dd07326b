using System.CommandLine;
using Grader.Data;
using Grader.Worker.Access;
using Grader.Worker.Course;
using Grader.Worker.Host;
using Grader.Worker.Settings;
using Grader.Worker.Students;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Cli;

/// <summary>
/// The service's database for verbs that run without the service (<c>roster</c>, <c>handout --all</c>):
/// the same settings as <c>serve</c> (appsettings.json, <c>Grader__DatabasePath</c>, or PostgreSQL with
/// <c>Grader__Database__Provider=postgres</c>), or <c>--database FILE</c> for SQLite.
/// </summary>
public static class CliDatabase
{
    /// <summary>A new <c>--database FILE</c> option.</summary>
    public static Option<string?> DatabaseOption() => new("--database") { Description = "The SQLite file (default: the service's, data/grader.db)" };

    /// <summary>A new <c>--assignments DIR</c> option.</summary>
    public static Option<string?> AssignmentsOption() => new("--assignments") { Description = "The assignments folder (default: the service's, assignments)" };

    /// <summary>
    /// A host with the database and the class-list services, or null (reported) when there is no
    /// database and <paramref name="create"/> is false.
    /// </summary>
    public static IHost? Open(string? databasePath, string? assignmentsPath, bool create, CliConsole console)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var overrides = new Dictionary<string, string?>();
        if (databasePath is not null)
        {
            overrides[$"{GraderOptions.Section}:{nameof(GraderOptions.DatabasePath)}"] = databasePath;
        }

        if (assignmentsPath is not null)
        {
            overrides[$"{GraderOptions.Section}:{nameof(GraderOptions.AssignmentsPath)}"] = assignmentsPath;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Services.AddOptions<GraderOptions>().BindConfiguration(GraderOptions.Section);
        var options = builder.Configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions();
        var path = Path.GetFullPath(options.DatabasePath);
        if (!options.Database.IsPostgres && !File.Exists(path) && !create)
        {
            console.Error.WriteLine($"no database at {path} (import a class list first, or set Grader__DatabasePath or --database)");
            return null;
        }

        builder.Services.AddPooledDbContextFactory<GraderDbContext>(o => GraderServiceExtensions.UseDatabase(o, options));
        builder.Services.AddSingleton<AssignmentCatalog>();
        builder.Services.AddSingleton<StudentDirectory>();
        builder.Services.AddSingleton<RosterService>();
        builder.Services.AddSingleton<HandoutService>();
        var host = builder.Build();
        using var db = host.Services.GetRequiredService<IDbContextFactory<GraderDbContext>>().CreateDbContext();
        GraderDatabase.Initialise(db);
        return host;
    }
}
