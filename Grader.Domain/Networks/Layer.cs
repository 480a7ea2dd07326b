namespace Grader.Domain.Networks;

/// <summary>One layer of a layer stack: how it changes the shape and how many parameters it learns.</summary>
public abstract record Layer
{
    /// <summary>The layer as an instructor writes it.</summary>
    public abstract string Describe();

    /// <summary>The output shape for an input shape; throws <see cref="ArchitectureException"/> when it does not fit.</summary>
    public abstract int[] OutputShape(int[] input);

    /// <summary>The number of learnable parameters (weights and biases) for an input shape.</summary>
    public abstract long Parameters(int[] input);
}
