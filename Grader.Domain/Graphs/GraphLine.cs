using Grader.Reference;

namespace Grader.Domain.Graphs;

/// <summary>
/// One line of a student's graph as written: a node (<c>name = operation</c>) or an input's
/// annotation (<see cref="IsInput"/>), with the value and gradient written beside it, if any.
/// <see cref="Line"/> counts the answer's lines from 1.
/// </summary>
public sealed record GraphLine(int Line, string Name, string? Operation, bool IsInput, Tensor? Value, Tensor? Grad)
{
    /// <summary>The line as the student wrote it, annotations in the page's form (<c>q = x + y | value 3 | grad -4</c>).</summary>
    public string Text =>
        (IsInput ? Name : $"{Name} = {Operation}")
        + (Value is null ? "" : $" | value {Output.TensorText.Inline(Value)}")
        + (Grad is null ? "" : $" | grad {Output.TensorText.Inline(Grad)}");
}
