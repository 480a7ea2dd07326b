using Grader.Domain.Expressions;

namespace Grader.Domain.Assignments;

/// <summary>A question: its id, text, the expression of its answer and its own settings.</summary>
public sealed record Question(string Id, string? Text, string AnswerText, Expr Answer, GradingSettings Settings, Located Where)
{
    /// <summary>For a question of kind <c>graph</c>, what it asks (its <see cref="Answer"/> is then the output node's name); null for a value question.</summary>
    public Graphs.GraphSpec? Graph { get; init; }

    /// <summary>
    /// True when the answer is a gradient: its expression is a call of <c>grad(f, v)</c> (not, say,
    /// <c>W - lr * grad(L, W)</c> or <c>transpose(W)</c>), so feedback may explain that a gradient has the shape of its variable.
    /// </summary>
    public bool IsGradient => Graph is null && Answer is CallExpr { Function: "grad" };

    /// <summary>Points, the question's or the defaults' (1 if neither says).</summary>
    public double Points(GradingSettings defaults) => Settings.Over(defaults).Points ?? 1;

    /// <summary>The tolerance in force: the question's, the defaults', or the built-in default.</summary>
    public Tolerance Tolerance(GradingSettings defaults) => Settings.Over(defaults).Tolerance ?? Assignments.Tolerance.Default;

    /// <summary>Whether per-element partial credit applies (default true).</summary>
    public bool Partial(GradingSettings defaults) => Settings.Over(defaults).Partial ?? true;

    /// <summary>Whether an answer consistent with the student's own earlier wrong answers earns credit (default false).</summary>
    public bool CarryForward(GradingSettings defaults) => Settings.Over(defaults).CarryForward ?? false;

    /// <summary>When the key may be shown to the student (default after the due date).</summary>
    public ShowKey ShowKey(GradingSettings defaults) => Settings.Over(defaults).ShowKey ?? Assignments.ShowKey.AfterDue;
}
