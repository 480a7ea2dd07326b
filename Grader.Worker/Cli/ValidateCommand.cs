using System.CommandLine;
using Grader.Domain.Assignments;
using Grader.Domain;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>validate &lt;file-or-folder&gt;...</c>: checks every assignment and prints each problem as
/// <c>file:line:col: message</c>; exit 0 only when all are valid. Answer files found in a folder
/// (a mapping with <c>answers</c> and no <c>questions</c>) are not assignments and are skipped.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Assignment files or folders of them", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check assignments: YAML, names, cycles, shapes, gradients, random values") { paths };
        command.SetAction(result => Run(result.GetValue(paths)!, console));
        return command;
    }

    /// <summary>Validates the paths; returns the exit code.</summary>
    public static int Run(IEnumerable<string> paths, CliConsole console)
    {
        var problems = 0;
        var files = InputFiles.Expand(paths, p =>
        {
            console.Out.WriteLine($"{p}:1:1: no such file or folder");
            problems++;
        });
        var ids = new Dictionary<string, string>();
        var checkedCount = 0;
        foreach (var file in files)
        {
            if (AnswerFileSniffer.LooksLikeAnswerFile(file))
            {
                continue;
            }

            checkedCount++;
            var (assignment, diagnostics) = AssignmentValidator.ValidateFile(file);
            foreach (var d in diagnostics)
            {
                console.Out.WriteLine(d);
            }

            problems += diagnostics.Count;
            if (assignment is not null && !ids.TryAdd(assignment.Id, file))
            {
                console.Out.WriteLine(new Diagnostic(file, 1, 1, $"duplicate assignment id '{assignment.Id}' (also in {ids[assignment.Id]})"));
                problems++;
            }
        }

        console.Error.WriteLine(problems == 0
            ? $"{checkedCount} assignment(s) valid"
            : $"{problems} problem(s) in {checkedCount} assignment file(s)");
        return problems == 0 ? 0 : 1;
    }
}
