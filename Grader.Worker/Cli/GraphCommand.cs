using System.CommandLine;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Graphs;
using Grader.Worker.Graphs;
using Grader.Worker.Host;

namespace Grader.Worker.Cli;

/// <summary>
/// <c>graph ASSIGNMENT TARGET [--student ID] [--answers FILE] [--annotate] [--out FILE]</c>: draws
/// a computational graph as SVG: the key's graph of a graph question or of a graph node (TARGET:
/// a question id first, else a node name), or with <c>--answers</c> a student's graph for that
/// question, wrong lines marked. ASSIGNMENT is a file or the id of one in the assignments folder.
/// </summary>
public static class GraphCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(CliConsole console)
    {
        var assignment = new Argument<string>("assignment") { Description = "An assignment file, or the id of one in the assignments folder" };
        var target = new Argument<string>("target") { Description = "A graph question's id, or a graph node's name" };
        var student = new Option<string?>("--student") { Description = "The student whose variant's values to use (default: the answer file's, or the default variant)" };
        var answers = new Option<string?>("--answers") { Description = "Draw the graph of this answer file's answer to TARGET instead of the key's" };
        var annotate = new Option<bool>("--annotate") { Description = "Write each node's value above its edge and its gradient below" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the SVG to this file (default: standard output)" };
        var assignments = CliDatabase.AssignmentsOption();
        var command = new Command("graph", "Draw a computational graph as SVG: the key's, or a student's answer")
        {
            assignment, target, student, answers, annotate, output, assignments,
        };
        command.SetAction(r => Run(
            r.GetValue(assignment)!, r.GetValue(target)!, r.GetValue(student), r.GetValue(answers), r.GetValue(annotate), r.GetValue(output), r.GetValue(assignments), console));
        return command;
    }

    /// <summary>Draws the graph; 0 when drawn, 1 on a bad argument or input.</summary>
    public static int Run(string assignmentArg, string target, string? student, string? answersFile, bool annotate, string? outFile, string? assignmentsDir, CliConsole console)
    {
        if (HandoutCommand.Load(assignmentArg, assignmentsDir, console) is not { } assignment)
        {
            return ExitCodes.BadInput;
        }

        var (picture, error) = answersFile is null
            ? GraphPictures.OfKey(AnswerKeyBuilder.Build(assignment, student), target, annotate)
            : OfAnswer(assignment, target, student, answersFile, console);
        if (picture is null)
        {
            if (error is not null)
            {
                console.Error.WriteLine($"grader: {error}");
            }

            return ExitCodes.BadInput;
        }

        var svg = GraphSvg.Write(picture);
        if (outFile is null)
        {
            console.Out.WriteLine(svg);
        }
        else
        {
            File.WriteAllText(outFile, svg + "\n");
        }

        return ExitCodes.Ok;
    }

    private static (GraphPicture? Picture, string? Error) OfAnswer(Assignment assignment, string target, string? student, string answersFile, CliConsole console)
    {
        if (assignment.FindQuestion(target) is not { Graph: not null } question)
        {
            return (null, $"'{target}' is not a graph question of {assignment.Id}; --answers draws a student's answer to one");
        }

        var read = AnswerFileReader.ReadFile(answersFile);
        if (read.File is null)
        {
            foreach (var d in read.Diagnostics)
            {
                console.Error.WriteLine(d);
            }

            return (null, null);
        }

        var given = read.File.AnswerTo(target);
        if (given?.Graph is null)
        {
            return (null, given is null ? $"{answersFile} has no answer to {target}" : $"the answer to {target} in {answersFile} is not a graph");
        }

        if (given.Graph.Error is not null)
        {
            return (null, $"invalid: {given.Graph.Error}");
        }

        var file = student is null ? read.File : read.File with { Student = student };
        var result = AnswerGrader.Grade(assignment, file).Questions.Single(q => q.Id == question.Id);
        return (GraphPictures.OfAnswer(given.Graph, result.Graph is null ? null : GraphPictures.Wrong(result.Graph)), null);
    }
}
