using System.CommandLine;
using Grader.Domain.Assignments;
using Grader.Domain.Output;

namespace Grader.Worker.Cli;

/// <summary><c>key &lt;assignment.yaml&gt; [--student ID] [--format text|json|answers]</c>: prints the answer key of a variant (<c>answers</c>: as a perfect answer file, graph questions as node lines).</summary>
public static class KeyCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("assignment") { Description = "The assignment file" };
        var student = new Option<string?>("--student") { Description = "The student whose variant to compute (default: the default variant)" };
        var format = new Option<string>("--format") { Description = "text, json, or answers (the key as a perfect answer file)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "answers");
        var command = new Command("key", "Print the answer key of an assignment") { file, student, format };
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(student), r.GetValue(format)!, console));
        return command;
    }

    /// <summary>Prints the key; returns the exit code (1 when the assignment is invalid).</summary>
    public static int Run(string file, string? student, string format, CliConsole console)
    {
        var loaded = AssignmentLoader.LoadFile(file);
        if (loaded.Assignment is null)
        {
            // Every problem validate would name, not only the first that stopped loading.
            foreach (var d in AssignmentValidator.ValidateFile(file).Diagnostics)
            {
                console.Error.WriteLine(d);
            }

            return 1;
        }

        var key = AnswerKeyBuilder.Build(loaded.Assignment, student);
        foreach (var f in key.Failures)
        {
            console.Error.WriteLine($"{file}:{f.Position.Line}:{f.Position.Column}: {f.Message}");
        }

        if (!key.IsComplete)
        {
            return 1;
        }

        console.Out.WriteLine(format switch
        {
            "json" => AnswerKeyJson.Write(key),
            "answers" => Answers(key, student),
            _ => AnswerKeyText.Write(key),
        });
        return 0;
    }

    /// <summary>The key as a perfect answer file: each value, and each graph question's key graph as node lines with their annotations.</summary>
    private static string Answers(AnswerKey key, string? student)
    {
        var graphs = key.Assignment.Questions.Where(q => q.Graph is not null).ToDictionary(q => q.Id);
        var text = AnswerFileYaml.Write(key.Assignment.Id, student, key.Answers.Where(a => !graphs.ContainsKey(a.Key)));
        return text + string.Concat(graphs.Values.Select(q => Grader.Domain.Graphs.GraphKeyAnswer.Lines(key, q) is { } lines ? Grader.Domain.Graphs.GraphKeyAnswer.Yaml(q.Id, lines) : ""));
    }
}
