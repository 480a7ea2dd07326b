namespace Grader.Reference;

/// <summary>How a loss combines the losses of a batch's samples, as PyTorch's <c>reduction</c> argument.</summary>
public enum Reduction
{
    /// <summary>The mean (PyTorch's default): over the batch's rows, or over every element for mse and bce.</summary>
    Mean,

    /// <summary>The sum.</summary>
    Sum,

    /// <summary>No reduction: one loss per sample (per row for the classification losses, per element for mse and bce).</summary>
    None,
}
