using Grader.Domain.Expressions;

namespace Grader.Domain.Tests.Expressions;

public class EvaluationBudgetTests
{
    private static string Refusal(string expression, EvaluationBudget? budget = null)
    {
        using var scope = budget is null ? null : EvaluationBudget.Use(budget);
        return Assert.Throws<ExpressionException>(() => new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse(expression))).Message;
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "padding far beyond the kernel", "sum(conv2d([[1]], [[1]], padding=1000000))", "padding 1000000 must be at most the input size 1 or the window size less one 0" },
        { "pooling padding beyond half the window", "maxpool2d([[1, 2], [3, 4]], 2, padding=5)", "padding 5 must be at most half the window size 2" },
        { "an outer product past the tensor limit", $"sum(outer({HostileCorpus.Ones(3000)}, {HostileCorpus.Ones(3000)}))", "outer would make a tensor of 9,000,000 elements; the limit is 1,000,000" },
        { "a matrix product past the tensor limit", $"sum(reshape({HostileCorpus.Ones(2000)}, [2000, 1]) @ reshape({HostileCorpus.Ones(2000)}, [1, 2000]))", "@ would make a tensor of 4,000,000 elements" },
        { "a convolution that costs too much", $"sum(conv2d(outer({HostileCorpus.Ones(1000)}, {HostileCorpus.Ones(1000)}), outer({HostileCorpus.Ones(500)}, {HostileCorpus.Ones(500)})))", "conv2d needs more computation than allowed" },
        { "many results under the limit that add up past the budget", HostileCorpus.ScaledOuter(), "more than 2,000,000 tensor elements in all" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_expression_is_refused_with_the_reason(string name, string expression, string reason)
    {
        Assert.True(Refusal(expression).Contains(reason, StringComparison.Ordinal), name + ": " + Refusal(expression));
    }

    [Fact]
    public void Legal_padding_up_to_the_kernel_size_less_one_still_works()
    {
        // The "full" convolution of [[1]] with a 2×2 kernel of ones at padding 1: every output sees exactly one 1.
        var y = new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse("conv2d([[1]], [[1, 1], [1, 1]], padding=1)")).Value;
        Assert.Equal([2, 2], y.Shape);
        Assert.All(y.Data, v => Assert.Equal(1, v));
    }

    [Fact]
    public void A_budget_whose_time_is_up_refuses_the_next_operation()
    {
        Assert.Contains("took longer than its time budget of 0 s", Refusal("1 + 1", new EvaluationBudget(TimeSpan.Zero)));
    }

    [Fact]
    public void A_cancelled_budget_refuses_the_next_operation()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Contains("cancelled", Refusal("sin(1)", new EvaluationBudget(cancellation: cts.Token)));
    }

    [Fact]
    public void The_budget_counts_every_result_and_the_work_of_a_product()
    {
        var budget = new EvaluationBudget();
        using (EvaluationBudget.Use(budget))
        {
            // [[1,2],[3,4]] @ [1,1]: four number leaves and the 4-element matrix, two leaves and the
            // 2-element vector, the 2-element product; the product reserves 2·2·1 multiply-adds first.
            new ExpressionEvaluator(ConstantScope.Instance).Evaluate(ExpressionParser.Parse("[[1, 2], [3, 4]] @ [1, 1]"));
        }

        Assert.Equal(4 + 4 + 2 + 2 + 2, budget.Elements);
        Assert.Equal((2 * 2 * 1) + budget.Elements, budget.Work);
        Assert.Null(EvaluationBudget.Current);
    }
}
