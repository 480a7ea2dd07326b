using System.CommandLine;

namespace Grader.Worker.Cli;

/// <summary>The <c>--server URL</c> option shared by the verbs that talk to a running service.</summary>
public static class ServerOption
{
    /// <summary>The default address of the service.</summary>
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>A new option instance: by default <c>GRADER_SERVER</c>, else the service's own setting <c>Grader__Url</c>, else <see cref="Default"/>.</summary>
    public static Option<string> Create() => new("--server")
    {
        Description = "The grading service's address",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("GRADER_SERVER") ?? Environment.GetEnvironmentVariable("Grader__Url") ?? Default,
    };
}
