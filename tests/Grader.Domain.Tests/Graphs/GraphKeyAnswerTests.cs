using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Graphs;
using Grader.Domain.Output;

namespace Grader.Domain.Tests.Graphs;

/// <summary>The key's graph written as an answer scores full marks, annotations included (an identity: the key graded against itself).</summary>
public class GraphKeyAnswerTests
{
    [Theory]
    [InlineData("sin-network", "draw-forward")]
    [InlineData("sin-network", "draw-loss")]
    [InlineData("backprop-examples", "graph-qz")]
    [InlineData("backprop-examples", "graph-neuron")]
    public void The_key_graph_as_an_answer_scores_full(string assignmentId, string question)
    {
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment(assignmentId)).Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, "s1");
        var lines = GraphKeyAnswer.Lines(key, assignment.FindQuestion(question)!)!;
        var text = AnswerFileYaml.Write(assignment.Id, "s1", []) + GraphKeyAnswer.Yaml(question, lines);
        var result = AnswerGrader.Grade(key, AnswerFileReader.Read(text, "key.yaml").File!).Questions.Single(q => q.Id == question);
        Assert.True(result.Status == QuestionStatus.Correct, result.Feedback);
    }

    [Fact]
    public void Inner_operations_are_renamed_to_names_a_student_may_write()
    {
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment("sin-network")).Assignment!;
        var lines = GraphKeyAnswer.Lines(AnswerKeyBuilder.Build(assignment, null), assignment.FindQuestion("draw-forward")!)!;
        Assert.Equal(["s = w @ x", "y_1 = sin(s)", "y = y_1 - b"], lines);
    }
}
