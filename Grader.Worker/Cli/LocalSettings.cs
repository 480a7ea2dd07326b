using Grader.Worker.Access;
using Grader.Worker.Settings;
namespace Grader.Worker.Cli;

/// <summary>The service's settings on this machine, read as <c>serve</c> reads them (appsettings.json, then <c>Grader__*</c> environment variables).</summary>
public static class LocalSettings
{
    /// <summary>The settings.</summary>
    public static GraderOptions Options()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(GraderOptions.Section).Get<GraderOptions>() ?? new GraderOptions();
    }

    /// <summary>The TA token a service on this machine uses (configured, else the one it generated), or null.</summary>
    public static string? Token() => TaTokenStore.Find(Options());
}
