using System.CommandLine;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Output;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>grade &lt;assignment.yaml&gt; &lt;answers-file&gt; [--format text|json] [--as-student]</c>: grades one
/// answer file; <c>--as-student</c> prints what the student may see now (keys withheld as
/// <c>show_key</c> says, through <see cref="KeyRedaction"/>). Exit 0 whenever a report is produced,
/// whatever the score; 1 when either file cannot be read.
/// </summary>
public static class GradeCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var assignment = new Argument<string>("assignment") { Description = "The assignment file" };
        var answers = new Argument<string>("answers") { Description = "The student's answer file (YAML or JSON)" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var asStudent = new Option<bool>("--as-student") { Description = "Print what the student may see now: keys not yet released (show_key) are left out, feedback without the key's numbers" };
        var command = new Command("grade", "Grade an answer file against the assignment's key") { assignment, answers, format, asStudent };
        command.SetAction(r => Run(r.GetValue(assignment)!, r.GetValue(answers)!, r.GetValue(format)!, console, r.GetValue(asStudent)));
        return command;
    }

    /// <summary>Grades and prints; returns the exit code.</summary>
    public static int Run(string assignmentFile, string answersFile, string format, CliConsole console, bool asStudent = false)
    {
        // The assignment is validated as the service validates it: a cycle or a shape error is refused, not graded as 0.
        var (assignment, problems) = AssignmentValidator.ValidateFile(assignmentFile);
        if (assignment is null)
        {
            return Refuse($"{assignmentFile}: cannot be read as an assignment:", problems, console);
        }

        var read = AnswerFileReader.ReadFile(answersFile);
        if (read.File is null)
        {
            return Refuse($"{answersFile}: cannot be read as an answer file:", read.Diagnostics, console);
        }

        if (AnswerCoverage.Problem(assignment, read.File) is { } uncovered)
        {
            console.Error.WriteLine($"{answersFile}: {uncovered}");
            return 1;
        }

        var report = AnswerGrader.Grade(assignment, read.File);
        if (asStudent)
        {
            // This machine's course time zone; no extensions are known here.
            var a = assignment;
            var releaseAt = a.Policy.KeyReleaseAt(LocalSettings.Options().CourseZone, []);
            report = KeyRedaction.ForStudent(report, id => a.FindQuestion(id) is not { } q
                || !KeyRelease.IsReleased(q.ShowKey(a.Defaults), graded: true, releaseAt, DateTimeOffset.UtcNow));
        }

        console.Out.Write(format == "json" ? GradeReportJson.Write(report) + Environment.NewLine : GradeReportText.Write(report));
        return 0;
    }

    private static int Refuse(string headline, IEnumerable<Domain.Diagnostic> problems, CliConsole console)
    {
        console.Error.WriteLine(headline);
        foreach (var d in problems)
        {
            console.Error.WriteLine(d);
        }

        return 1;
    }
}
