namespace Grader.Worker.Cli;

/// <summary>Where a verb writes: results to <see cref="Out"/>, problems to <see cref="Error"/>.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
