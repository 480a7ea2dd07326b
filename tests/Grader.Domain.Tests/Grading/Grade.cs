using Grader.Domain.Assignments;
using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Grading;

/// <summary>Grades answer text against assignment text, for table-driven tests.</summary>
public static class Grade
{
    public static GradeReport Text(string assignmentYaml, string answersYaml)
    {
        var loaded = AssignmentLoader.Load(assignmentYaml, "a.yaml");
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        var read = AnswerFileReader.Read(answersYaml, "answers.yaml");
        Assert.True(read.File is not null, string.Join("\n", read.Diagnostics));
        return AnswerGrader.Grade(loaded.Assignment!, read.File!);
    }

    /// <summary>An assignment with one question whose answer expression, values and settings are given.</summary>
    public static QuestionResult One(string answerExpr, string given, string settings = "", string values = "")
    {
        var assignment = $"id: t\n{values}questions:\n  - id: q\n    answer: \"{answerExpr}\"\n{settings}";
        var report = Text(assignment, $"assignment: t\nstudent: s\nanswers:\n  q: {given}\n");
        return Assert.Single(report.Questions);
    }
}
