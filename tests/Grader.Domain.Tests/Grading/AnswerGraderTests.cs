using Grader.Domain.Grading;

namespace Grader.Domain.Tests.Grading;

public class AnswerGraderTests
{
    [Theory]
    [InlineData("3", "3", QuestionStatus.Correct, 1)]
    [InlineData("3", "[3]", QuestionStatus.Correct, 1)]              // one-element tensor equals a scalar
    [InlineData("[3]", "3", QuestionStatus.Correct, 1)]
    [InlineData("[[3]]", "[3]", QuestionStatus.Correct, 1)]
    [InlineData("[1, 2]", "[1, 2]", QuestionStatus.Correct, 1)]
    [InlineData("[1, 2]", "[1, 5]", QuestionStatus.Partial, 0.5)]
    [InlineData("[1, 2, 3, 4]", "[1, 2, 3, 5]", QuestionStatus.Partial, 0.75)]
    [InlineData("[1, 2]", "[7, 5]", QuestionStatus.Incorrect, 0)]
    [InlineData("[1, 2]", "[1, 2, 3]", QuestionStatus.Incorrect, 0)]   // wrong shape scores 0
    [InlineData("[1, 2]", "[[1], [2]]", QuestionStatus.Incorrect, 0)]
    [InlineData("pi/2 + 4", "pi/2 + 4", QuestionStatus.Correct, 1)]   // expressions of constants
    [InlineData("1/3", "0.3333", QuestionStatus.Correct, 1)]
    [InlineData("sqrt(2)/2", "\"sqrt(2)/2\"", QuestionStatus.Correct, 1)]
    [InlineData("-8", "-4*2", QuestionStatus.Correct, 1)]
    [InlineData("1", "\"1 +\"", QuestionStatus.Invalid, 0)]          // garbage
    [InlineData("1", "hello", QuestionStatus.Invalid, 0)]
    [InlineData("1", ".nan", QuestionStatus.Invalid, 0)]
    [InlineData("1", "1/0", QuestionStatus.Invalid, 0)]               // infinity
    [InlineData("1", "log(-1)", QuestionStatus.Invalid, 0)]           // NaN
    [InlineData("1", "10^10^10", QuestionStatus.Invalid, 0)]
    [InlineData("1", "\"\"", QuestionStatus.Invalid, 0)]
    [InlineData("1", "~", QuestionStatus.Missing, 0)]
    [InlineData("1", "{a: 1}", QuestionStatus.Invalid, 0)]
    public void Statuses_and_scores(string key, string given, QuestionStatus status, double score)
    {
        var r = Grade.One(key, given);
        Assert.Equal(status, r.Status);
        Assert.Equal(score, r.Score, 12);
        Assert.Equal(1, r.MaxScore);
    }

    [Theory]
    [InlineData("0", "1e-300", "expected 0, got 1e-300")]
    [InlineData("[0, 1]", "[1e-300, 1]", "[0] expected 0, got 1e-300")]
    public void Feedback_tells_a_wrong_answer_from_the_key_when_both_print_as_0(string key, string given, string feedback)
    {
        var r = Grade.One(key, given, "    tolerance: { abs: 0 }\n");
        Assert.NotEqual(QuestionStatus.Correct, r.Status);
        Assert.Contains(feedback, r.Feedback);
    }

    [Fact]
    public void Partial_credit_is_points_times_right_over_all()
    {
        var r = Grade.One("[[1, 2, 3], [4, 5, 6]]", "[[1, 2, 3], [4, 0, 0]]", "    points: 3\n");
        Assert.Equal(QuestionStatus.Partial, r.Status);
        Assert.Equal(3.0 * 4 / 6, r.Score, 12);
        Assert.Equal([[1, 1], [1, 2]], r.Wrong);
        Assert.Contains("[1, 1] expected 5, got 0", r.Feedback);
        Assert.Contains("4 of 6 elements right", r.Feedback);
    }

    [Theory]
    [InlineData("    partial: false\n")]
    [InlineData("")]
    public void Partial_false_makes_a_question_all_or_nothing(string settings)
    {
        var r = Grade.One("[1, 2]", "[1, 5]", settings);
        Assert.Equal(settings == "" ? QuestionStatus.Partial : QuestionStatus.Incorrect, r.Status);
        Assert.Equal(settings == "" ? 0.5 : 0, r.Score);
    }

    [Fact]
    public void Defaults_set_partial_and_points_for_every_question()
    {
        var report = Grade.Text(
            "id: t\ndefaults:\n  points: 2\n  partial: false\nquestions:\n  - id: a\n    answer: \"[1, 2]\"\n  - id: b\n    answer: \"[1, 2]\"\n    partial: true\n",
            "assignment: t\nstudent: s\nanswers:\n  a: [1, 0]\n  b: [1, 0]\n");
        Assert.Equal(0, report.Questions[0].Score);
        Assert.Equal(1, report.Questions[1].Score);
        Assert.Equal(4, report.MaxScore);
    }

    [Fact]
    public void Question_tolerance_overrides_the_defaults_which_override_the_built_in()
    {
        const string Assignment = "id: t\ndefaults:\n  tolerance: { rel: 0.1 }\nquestions:\n  - id: a\n    answer: 100\n  - id: b\n    answer: 100\n    tolerance: { abs: 0.5 }\n  - id: c\n    answer: 1\n";
        var report = Grade.Text(Assignment, "assignment: t\nstudent: s\nanswers:\n  a: 109\n  b: 101\n  c: 1.005\n");
        Assert.Equal(QuestionStatus.Correct, report.Questions[0].Status);   // 9 ≤ 0.1·100
        Assert.Equal(QuestionStatus.Incorrect, report.Questions[1].Status); // 1 > 0.5
        Assert.Equal(QuestionStatus.Correct, report.Questions[2].Status);   // defaults' rel 0.1
    }

    [Fact]
    public void A_wrong_shape_names_both_shapes()
    {
        var r = Grade.One("[1, 2, 3]", "[[1, 2], [3, 4]]");
        Assert.Contains("expected (3,), got (2, 2)", r.Feedback);
    }

    [Fact]
    public void Right_numbers_in_the_wrong_shape_are_pointed_out()
    {
        var r = Grade.One("[1, 2]", "[[1], [2]]");
        Assert.Contains("the numbers are right, arranged in the wrong shape", r.Feedback);
    }

    [Fact]
    public void A_transpose_of_another_shape_is_named()
    {
        var r = Grade.One("[[1, 2, 3], [4, 5, 6]]", "[[1, 4], [2, 5], [3, 6]]");
        Assert.Equal(QuestionStatus.Incorrect, r.Status);
        Assert.Contains("transpose of the key: shape (3, 2) where (2, 3) is expected", r.Feedback);
    }

    [Theory]
    // W = [[1, 2], [3, 4]], x = [1, 3], L = sum(W @ x): dL/dW[i, j] = x[j], so grad(L, W) = [[1, 3], [1, 3]]
    [InlineData("grad(L, W)", "[[1, 1], [3, 3]]", true)]
    [InlineData("transpose(W)", "[[1, 2], [3, 4]]", false)] // "the matrix W transposed": no gradient in sight
    [InlineData("W - 0.5 * grad(L, W)", "[[0.5, 2.5], [0.5, 2.5]]", false)] // the key [[0.5, 0.5], [2.5, 2.5]]: a step, not a gradient
    public void Only_a_gradients_transpose_is_explained_by_the_shape_of_its_variable(string answer, string given, bool gradient)
    {
        var r = Grade.One(answer, given, values: "values:\n  W: [[1, 2], [3, 4]]\n  x: [1, 3]\ngraph:\n  L: sum(W @ x)\n");
        Assert.Equal(QuestionStatus.Incorrect, r.Status);
        Assert.StartsWith("your answer is the transpose of the key"
            + (gradient ? " (a gradient has the shape of the variable it is taken with respect to, dL/dW[i, j] = ∂L/∂W_ij)" : "") + "; precision:", r.Feedback);
    }

    [Theory]
    [InlineData("[[1, 2], [3, 4]]", "[[1, 3], [2, 4]]", 4)] // square: its diagonal is in place, but it is a transpose all the same
    [InlineData("[[1, 2, 3], [4, 5, 6]]", "[[1, 4], [2, 5], [3, 6]]", 6)] // not square
    public void A_transpose_is_named_and_scores_0_square_or_not(string key, string given, int elements)
    {
        var r = Grade.One(key, given);
        Assert.Equal(QuestionStatus.Incorrect, r.Status);
        Assert.Equal(0, r.Score);
        Assert.Contains("transpose of the key", r.Feedback);
        Assert.Equal(elements, r.Wrong.Count);
    }

    [Theory]
    [InlineData("[1, -2]", "[-1, 2]")]
    [InlineData("-0.2", "0.2")]
    public void A_sign_flip_is_named(string key, string given) =>
        Assert.Contains("the sign is flipped", Grade.One(key, given).Feedback);

    [Fact]
    public void A_zero_key_is_no_sign_flip() =>
        Assert.DoesNotContain("sign", Grade.One("[0, 0]", "[1, 1]").Feedback);

    [Fact]
    public void A_flipped_kernel_is_named()
    {
        // Cross-correlation of X with K is the key; the true convolution (kernel rotated 180°) is the mistake.
        const string Values = "values:\n  X: [[1, 0, 2], [2, 1, -1], [0, 0, 2]]\n  K: [[1, -1], [0, 2]]\n";
        var flipped = "[[1*2 + 0*0 + 2*(-1) + 1*1, 0*2 + 2*0 + 1*(-1) + (-1)*1], [2*2 + 1*0 + 0*(-1) + 0*1, 1*2 + (-1)*0 + 0*(-1) + 2*1]]";
        var r = Grade.One("conv2d(X, K)", flipped, values: Values);
        Assert.Contains("kernel flipped", r.Feedback);
    }

    [Fact]
    public void A_transposed_convolution_with_the_kernel_flipped_is_named()
    {
        // Key: [[1, 2]] lays K and 2K one column apart, [[1, 12, 20], [100, 1200, 2000]]. The
        // mistake (conv2d(X, K, padding=1), the transposed conv read as a conv) lays K turned 180°:
        // [[1000, 100 + 2000, 200], [10, 1 + 20, 2]].
        const string Values = "values:\n  X: [[1, 2]]\n  K: [[1, 10], [100, 1000]]\n";
        var r = Grade.One("conv_transpose2d(X, K)", "[[1000, 2100, 200], [10, 21, 2]]", values: Values);
        Assert.Contains("transposed convolution with the kernel turned 180°", r.Feedback);
    }

    [Fact]
    public void A_one_dimensional_pooling_at_the_wrong_stride_is_named()
    {
        // Key: maxpool1d of 1 3 2 5 4 by 2 is [3, 5]; at stride 1 it is [3, 3, 5, 5].
        const string Values = "values:\n  X: [[1, 3, 2, 5, 4]]\n";
        Assert.Contains("overlapping windows (stride 1)", Grade.One("maxpool1d(X, 2)", "[[3, 3, 5, 5]]", values: Values).Feedback);
    }

    [Fact]
    public void An_update_in_the_wrong_direction_is_named()
    {
        const string Values = "values:\n  w: [1, 2]\n  lr: 0.1\n";
        var r = Grade.One("w - lr * grad(sum(w^2), w)", "[1.2, 2.4]", values: Values);
        Assert.Contains("moves along the gradient", r.Feedback);
    }

    [Fact]
    public void Pooling_at_the_wrong_stride_is_named()
    {
        const string Values = "values:\n  X: [[1, 0, 2], [2, 1, -1], [0, 0, 2]]\n";
        Assert.Contains("overlapping windows (stride 1)", Grade.One("maxpool2d(X, 2)", "[[2, 2], [2, 2]]", values: Values).Feedback);
        Assert.Contains("non-overlapping", Grade.One("maxpool2d(X, 2, stride=1)", "[[2]]", values: Values).Feedback);
    }

    [Fact]
    public void Missing_and_extra_answers()
    {
        var report = Grade.Text(
            "id: t\nquestions:\n  - id: a\n    answer: 1\n  - id: b\n    answer: 2\n",
            "assignment: t\nstudent: s\nanswers:\n  a: 1\n  zz: 3\n");
        Assert.Equal(QuestionStatus.Missing, report.Questions[1].Status);
        Assert.Contains(report.Warnings, w => w.Contains("unknown question id 'zz'"));
        Assert.Equal(1, report.Score);
        Assert.Equal(2, report.MaxScore);
    }

    [Fact]
    public void A_parse_error_names_its_column()
    {
        var r = Grade.Text("id: t\nquestions:\n  - id: q\n    answer: 1\n", "assignment: t\nanswers:\n  q: 2 * (3 +\n").Questions[0];
        Assert.Equal(QuestionStatus.Invalid, r.Status);
        Assert.Contains("line 3, column 14", r.Feedback);
    }

    [Fact]
    public void Carried_forward_credit_when_the_assignment_allows_it()
    {
        const string Assignment = "id: t\ndefaults:\n  carry_forward: {0}\nvalues:\n  W: [[1, 2], [3, 4]]\n  x: [1, 1]\n  lr: 0.5\ngraph:\n  h: W @ x\n  L: sum(h^2)\nquestions:\n  - id: h\n    answer: h\n  - id: L\n    answer: L\n  - id: g\n    answer: grad(L, W)\n  - id: W-next\n    answer: W - lr * grad(L, W)\n";

        // h is wrong ([3, 8] instead of [3, 7]); L = 9 + 64 = 73 follows from it. The gradient is
        // wrong on its own ([[1, 1], [1, 1]]); W-next = W − 0.5·that follows from it.
        const string Answers = "assignment: t\nstudent: s\nanswers:\n  h: [3, 8]\n  L: 73\n  g: [[1, 1], [1, 1]]\n  W-next: [[0.5, 1.5], [2.5, 3.5]]\n";
        var on = Grade.Text(Assignment.Replace("{0}", "true"), Answers);
        Assert.Equal(QuestionStatus.Partial, on.Questions[0].Status);
        Assert.Equal(QuestionStatus.Correct, on.Questions[1].Status);
        Assert.Contains("earlier answer to h (credit carried forward)", on.Questions[1].Feedback);
        Assert.Equal(QuestionStatus.Incorrect, on.Questions[2].Status);
        Assert.Equal(QuestionStatus.Correct, on.Questions[3].Status);
        Assert.Contains("earlier answer to g", on.Questions[3].Feedback);

        var off = Grade.Text(Assignment.Replace("{0}", "false"), Answers);
        Assert.Equal(QuestionStatus.Incorrect, off.Questions[1].Status);
        Assert.Contains("follows correctly from your earlier answer to h", off.Questions[1].Feedback);
        Assert.Equal(QuestionStatus.Incorrect, off.Questions[3].Status);
    }

    [Fact]
    public void An_answer_file_for_another_assignment_is_warned_about()
    {
        var report = Grade.Text("id: t\nquestions:\n  - id: q\n    answer: 1\n", "assignment: other\nanswers:\n  q: 1\n");
        Assert.Contains(report.Warnings, w => w.Contains("names assignment 'other'"));
    }

    [Fact]
    public void The_students_own_variant_is_the_key()
    {
        const string Assignment = "id: t\nvalues:\n  a: { integers: [1, 1000000] }\nquestions:\n  - id: q\n    answer: a\n";
        var loaded = Grader.Domain.Assignments.AssignmentLoader.Load(Assignment, "a.yaml").Assignment!;
        var s1 = Grader.Domain.Assignments.AnswerKeyBuilder.Build(loaded, "s1").AnswerTo("q")!.ScalarValue;
        var right = Grade.Text(Assignment, $"assignment: t\nstudent: s1\nanswers:\n  q: {s1}\n");
        var other = Grade.Text(Assignment, $"assignment: t\nstudent: s2\nanswers:\n  q: {s1}\n");
        Assert.Equal(QuestionStatus.Correct, right.Questions[0].Status);
        Assert.NotEqual(QuestionStatus.Correct, other.Questions[0].Status);
    }
}
