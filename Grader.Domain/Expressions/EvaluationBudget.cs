using System.Diagnostics;

namespace Grader.Domain.Expressions;

/// <summary>
/// What evaluating expressions may cost: every result at most <see cref="Limits.MaxTensorElements"/>
/// elements, all results together at most <see cref="MaxElements"/>, at most <see cref="MaxWork"/>
/// multiply-adds, and optionally a deadline and a cancellation. The evaluator charges every
/// operation here before it runs (growing operations: matrix products, convolutions, pooling)
/// and after (every result), so a hostile expression is refused before it allocates.
/// A budget is ambient (<see cref="Use"/>): one answer file, one key or one submission's grading
/// shares one, however many evaluators it creates. It belongs to one flow of execution at a time
/// (its counts are plain fields: every operation charges it, and it is never shared between threads).
/// </summary>
public sealed class EvaluationBudget
{
    private static readonly AsyncLocal<EvaluationBudget?> Ambient = new();
    private readonly long startTicks = Stopwatch.GetTimestamp();
    private readonly TimeSpan? time;
    private readonly CancellationToken cancellation;
    private long elements;

    // Multiply-adds reserved before growing operations; every result's elements count as work
    // too, so the work done is this plus the elements charged.
    private long reserved;

    /// <summary>Creates a budget; without a time limit only the element and work bounds apply.</summary>
    public EvaluationBudget(TimeSpan? time = null, CancellationToken cancellation = default,
        long maxElements = Limits.MaxEvaluationElements, long maxWork = Limits.MaxEvaluationWork)
    {
        this.time = time;
        this.cancellation = cancellation;
        MaxElements = maxElements;
        MaxWork = maxWork;
    }

    /// <summary>The most elements all results together may hold.</summary>
    public long MaxElements { get; }

    /// <summary>The most multiply-adds.</summary>
    public long MaxWork { get; }

    /// <summary>The elements charged so far.</summary>
    public long Elements => elements;

    /// <summary>The work charged so far: the multiply-adds reserved and every result's elements.</summary>
    public long Work => reserved + elements;

    /// <summary>Why this budget ran out (the first refusal), or null while it has not.</summary>
    public string? Exceeded { get; private set; }

    /// <summary>The budget in force on this flow of execution, or null.</summary>
    public static EvaluationBudget? Current => Ambient.Value;

    /// <summary>Makes a budget the ambient one until the returned scope is disposed.</summary>
    public static IDisposable Use(EvaluationBudget budget)
    {
        var previous = Ambient.Value;
        Ambient.Value = budget;
        return new Scope(previous);
    }

    /// <summary>Makes a fresh default budget ambient unless one already is; dispose the result (null is fine).</summary>
    public static IDisposable? UseDefaultIfNone() => Ambient.Value is null ? Use(new EvaluationBudget()) : null;

    /// <summary>
    /// Checks, before an operation runs, that its result of <paramref name="resultElements"/>
    /// elements and its <paramref name="cost"/> in multiply-adds fit; charges the cost.
    /// </summary>
    public void Reserve(string what, double resultElements, double cost)
    {
        if (resultElements > Limits.MaxTensorElements)
        {
            throw new EvaluationBudgetException(
                $"{what} would make a tensor of {resultElements:#,0} elements; the limit is {Limits.MaxTensorElements:#,0}");
        }

        if (cost > MaxWork)
        {
            throw new EvaluationBudgetException(
                $"{what} needs more computation than allowed ({cost:#,0} multiply-adds; the limit is {MaxWork:#,0})");
        }

        reserved += (long)cost;
        if (reserved + elements > MaxWork)
        {
            throw Over($"the expressions need more than {MaxWork:#,0} multiply-adds in all");
        }

        CheckTime();
    }

    /// <summary>
    /// Charges a result that exists (every operation's output counts towards the total);
    /// <paramref name="describe"/> names what made it (from
    /// <paramref name="state"/>) only when the result is refused, so the common case builds no text.
    /// </summary>
    public void Charge<TState>(int resultElements, TState state, Func<TState, string> describe)
    {
        if (resultElements > Limits.MaxTensorElements)
        {
            throw new EvaluationBudgetException(
                $"{describe(state)} made a tensor of {resultElements:#,0} elements; the limit is {Limits.MaxTensorElements:#,0}");
        }

        elements += resultElements;
        if (elements > MaxElements)
        {
            throw Over($"the expressions make more than {MaxElements:#,0} tensor elements in all");
        }

        CheckTime();
    }

    /// <summary>Throws once the deadline has passed or the evaluation is cancelled.</summary>
    public void CheckTime()
    {
        if (cancellation.IsCancellationRequested)
        {
            throw Over("the evaluation was cancelled (the service is stopping)");
        }

        if (time is { } limit && Stopwatch.GetElapsedTime(startTicks) > limit)
        {
            throw Over($"grading took longer than its time budget of {limit.TotalSeconds:0.###} s");
        }
    }

    private EvaluationBudgetException Over(string message)
    {
        Exceeded ??= message;
        return new EvaluationBudgetException(message);
    }

    private sealed class Scope(EvaluationBudget? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
