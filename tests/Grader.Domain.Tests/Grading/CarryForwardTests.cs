using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Grading;

/// <summary>
/// Credit carried forward replaces values, never gradients: a student's earlier value stands in
/// for a node while gradients still flow through it, a loss value never changes a gradient, zeros
/// carry nothing, and earlier answers are found inside graph nodes as well as in the question.
/// </summary>
public class CarryForwardTests
{
    // W2 = [[1, 2], [3, 4]], x = [1, 1]: h = W2 x = [3, 7], L = Σh², dL/dh = 2h = [6, 14],
    // dL/dW2 = (dL/dh) xᵀ = [[6, 6], [14, 14]].
    private const string Network =
        "id: t\ndefaults:\n  carry_forward: true\nvalues:\n  W2: [[1, 2], [3, 4]]\n  x: [1, 1]\n  lr: 0.5\n" +
        "graph:\n  h: W2 @ x\n  L: sum(h^2)\n  W2n: W2 - lr * grad(L, W2)\nquestions:\n";

    [Theory]
    [InlineData("W2n")] // the update is a graph node: the student's gradient is found inside it
    [InlineData("W2 - lr * grad(L, W2)")] // the same update written inline
    public void An_update_from_the_students_own_gradient_earns_full_credit(string update)
    {
        // The student's gradient [[1, 1], [1, 1]] is wrong; W2 − 0.5·that = [[0.5, 1.5], [2.5, 3.5]].
        var report = Grade.Text(
            Network + $"  - id: g\n    answer: grad(L, W2)\n  - id: next\n    answer: {update}\n",
            "assignment: t\nstudent: s\nanswers:\n  g: [[1, 1], [1, 1]]\n  next: [[0.5, 1.5], [2.5, 3.5]]\n");
        Assert.Equal(QuestionStatus.Correct, report.Questions[1].Status);
        Assert.Contains("earlier answer to g (credit carried forward)", report.Questions[1].Feedback);
        Assert.Equal(1, report.Questions[1].Score);
    }

    [Fact]
    public void Gradients_flow_through_a_node_that_holds_the_students_value()
    {
        // The student's h = [3, 8] is wrong; from it dL/dh = 2h = [6, 16] and dL/dW2 = [[6, 6], [16, 16]].
        // (A replaced node that cut the graph would give dL/dW2 = 0.)
        var report = Grade.Text(
            Network + "  - id: h\n    answer: h\n  - id: g\n    answer: grad(L, W2)\n",
            "assignment: t\nstudent: s\nanswers:\n  h: [3, 8]\n  g: [[6, 6], [16, 16]]\n");
        Assert.Equal(QuestionStatus.Correct, report.Questions[1].Status);
        Assert.Contains("earlier answer to h", report.Questions[1].Feedback);
    }

    [Theory]
    [InlineData("[[6, 6], [14, 14]]", QuestionStatus.Correct)] // the key: right whatever the loss value given
    [InlineData("[[0, 0], [0, 0]]", QuestionStatus.Incorrect)] // a constant loss has zero gradient, but the loss is not a constant
    public void A_students_loss_value_never_changes_a_gradient(string gradient, QuestionStatus expected)
    {
        var report = Grade.Text(
            Network + "  - id: L\n    answer: L\n  - id: g\n    answer: grad(L, W2)\n",
            $"assignment: t\nstudent: s\nanswers:\n  L: 5\n  g: {gradient}\n");
        Assert.Equal(QuestionStatus.Incorrect, report.Questions[0].Status);
        Assert.Equal(expected, report.Questions[1].Status);
        Assert.DoesNotContain("carried forward", report.Questions[1].Feedback);
    }

    [Fact]
    public void Feedback_names_only_the_earlier_answers_the_value_follows_from()
    {
        // h = [3, 8] and L = 5 are both wrong; the gradient from the student's h is [[6, 6], [16, 16]]
        // (as above), and the loss value changes no gradient, so only h is named.
        var report = Grade.Text(
            Network + "  - id: h\n    answer: h\n  - id: L\n    answer: L\n  - id: g\n    answer: grad(L, W2)\n",
            "assignment: t\nstudent: s\nanswers:\n  h: [3, 8]\n  L: 5\n  g: [[6, 6], [16, 16]]\n");
        var g = report.Questions[2];
        Assert.Equal(QuestionStatus.Correct, g.Status);
        Assert.Contains("your earlier answer to h (credit carried forward)", g.Feedback);
        Assert.DoesNotContain(" L", g.Feedback.Split(';')[0]);
    }

    [Theory]
    [InlineData("[0, 0]", "[0, 0]", false)] // tanh(0) = 0: zeros make the next step trivial, so they carry nothing
    [InlineData("[0.5, -1]", "[0.4621171572600098, -0.7615941559557649]", true)] // tanh of the student's wrong x1: carried
    public void Zeros_carry_nothing_forward(string x1, string x2, bool carried)
    {
        var report = Grade.Text(
            "id: t\ndefaults:\n  carry_forward: true\nvalues:\n  W: [[1, 2], [3, 4]]\n  x: [1, 1]\ngraph:\n  x1: W @ x\n  x2: tanh(x1)\n" +
            "questions:\n  - id: x1\n    answer: x1\n  - id: x2\n    answer: x2\n",
            $"assignment: t\nstudent: s\nanswers:\n  x1: {x1}\n  x2: {x2}\n");
        Assert.Equal(carried ? QuestionStatus.Correct : QuestionStatus.Incorrect, report.Questions[1].Status);
    }

    [Fact]
    public void A_lazy_file_of_zeros_and_unchanged_weights_earns_only_what_is_right_against_the_key()
    {
        // Zeros for every value and gradient, the starting weights for the updated ones. Graded
        // with carry_forward on it must earn exactly what it earns with carry_forward off (the
        // elements that are right against the key under the question's own tolerance), and no
        // question may claim carried-forward credit.
        const string Lazy =
            "assignment: tanh-network\nstudent: lazy\nanswers:\n  x1: [0, 0]\n  x2: [0, 0]\n  forward: 0\n  loss: 0\n" +
            "  dL-dx3: 0\n  dL-dx2: [0, 0]\n  dL-dx1: [0, 0]\n  grad-W0: [[0, 0], [0, 0]]\n  grad-W1: [[0, 0]]\n" +
            "  W0-next: [[1, -3], [0.2, 1]]\n  W1-next: [[1, -1]]\n  mlp-params: 0\n";
        var file = AnswerFileReader.Read(Lazy, "lazy.yaml").File!;
        var assignment = Keys.Load("tanh-network");
        var on = AnswerGrader.Grade(assignment, file);
        var off = AnswerGrader.Grade(assignment with { Defaults = assignment.Defaults with { CarryForward = false } }, file);

        Assert.All(on.Questions, q => Assert.DoesNotContain("carried forward", q.Feedback));
        Assert.Equal(off.Score, on.Score);

        // What is right against the key: W0-next at two significant figures keeps 1.0, −3.0 and 1.0
        // of [[1.0237, −2.9976], [0.16578, 0.99658]] (0.2 is not 0.17): 3 of 4 elements, ¾ point.
        Assert.Equal(0.75, on.Score, 12);
    }

    [Fact]
    public void An_earlier_answer_found_inside_a_graph_node_is_substituted_there()
    {
        // cnn-layer asks K-next inline; here the same update is a node, and the gradient answer is
        // found inside it.
        var report = Grade.Text(
            "id: t\ndefaults:\n  carry_forward: true\nvalues:\n  w: 2\n  x: 3\ngraph:\n  y: w * x\n  L: y^2\n  step: w - 0.1 * grad(L, w)\n" +
            "questions:\n  - id: dw\n    answer: grad(L, w)\n  - id: next\n    answer: step\n",
            "assignment: t\nstudent: s\nanswers:\n  dw: 10\n  next: 1\n");

        // Key: dL/dw = 2·y·x = 36; the student's 10 gives w − 0.1·10 = 1.
        Assert.Equal(QuestionStatus.Incorrect, report.Questions[0].Status);
        Assert.Equal(QuestionStatus.Correct, report.Questions[1].Status);
    }
}
