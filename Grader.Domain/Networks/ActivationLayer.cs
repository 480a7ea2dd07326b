namespace Grader.Domain.Networks;

/// <summary>An element-wise activation (relu, tanh, sigmoid, …); shape unchanged, nothing learnt.</summary>
public sealed record ActivationLayer(string Name) : Layer
{
    /// <summary>The activations a layer stack may name.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(
        [.. Expressions.FunctionRegistry.Ordered.Where(f => f.Activation).Select(f => f.Name), "identity"]);

    /// <inheritdoc />
    public override string Describe() => Name;

    /// <inheritdoc />
    public override int[] OutputShape(int[] input) => input;

    /// <inheritdoc />
    public override long Parameters(int[] input) => 0;
}
