using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Worker.Grading;

namespace Grader.Worker.Tests.Service;

/// <summary>One key per variant: per assignment version, and per student only where values are random.</summary>
public class AnswerKeysTests
{
    private static Assignment Load(string id) => AssignmentLoader.LoadFile(Repo.Assignment(id)).Assignment!;

    [Fact]
    public void An_assignment_without_random_values_has_one_key_for_the_class()
    {
        using var keys = new AnswerKeys();
        var tanh = Load("tanh-network");
        Assert.False(tanh.HasRandomValues);
        var alice = keys.For(1, tanh, "alice");
        Assert.Same(alice, keys.For(1, tanh, "bob"));
        Assert.Equal(AnswerKeyBuilder.Build(tanh, "bob").Answers.Select(a => a.Value.Data.ToArray()), alice.Answers.Select(a => a.Value.Data.ToArray()));
        Assert.NotSame(alice, keys.For(2, tanh, "alice")); // another version, another key
    }

    [Fact]
    public void A_random_assignment_has_a_key_per_student_whatever_the_case()
    {
        using var keys = new AnswerKeys();
        var svm = Load("svm-random");
        Assert.True(svm.HasRandomValues);
        var alice = keys.For(1, svm, "Alice");
        Assert.Same(alice, keys.For(1, svm, " alice"));
        Assert.NotSame(alice, keys.For(1, svm, "bob"));
        Assert.Equal(AnswerKeyBuilder.Build(svm, "alice").Values.Select(v => v.Value.Data.ToArray()), alice.Values.Select(v => v.Value.Data.ToArray()));
    }

    [Fact]
    public void A_key_cut_short_by_the_budget_is_not_kept()
    {
        using var keys = new AnswerKeys();
        var tanh = Load("tanh-network");
        AnswerKey cut;
        using (EvaluationBudget.Use(new EvaluationBudget(TimeSpan.Zero)))
        {
            cut = keys.For(1, tanh, "alice");
        }

        Assert.False(cut.IsComplete);
        var next = keys.For(1, tanh, "alice");
        Assert.True(next.IsComplete);
        Assert.Same(next, keys.For(1, tanh, "bob"));
    }
}
