namespace Grader.Reference;

/// <summary>
/// One differentiable operation, in the manner of micrograd and teenygrad: <see cref="Forward"/>
/// computes the output and saves what the backward pass needs; <see cref="Backward(Node)"/> turns
/// the gradient of the output into one gradient per input, written with the engine's own
/// operations, so that a gradient is itself a graph that can be differentiated again (PyTorch's
/// <c>create_graph=True</c>). <see cref="Backward(Tensor)"/> is the same derivative on plain values,
/// for first-order gradients; an operation that does not override it runs
/// <see cref="Backward(Node)"/> without recording. An instance is used for one application.
/// </summary>
public abstract class Function
{
    /// <summary>The nodes this operation was applied to (set when the application is recorded).</summary>
    protected Node[] Inputs { get; private set; } = [];

    /// <summary>The node this operation made (set when the application is recorded).</summary>
    protected Node Output { get; private set; } = null!;

    /// <summary>
    /// True for an operation some of whose inputs are indices: they select elements and take no
    /// gradient (indexing, one-hot). Asked of every node made, so a property rather than a type test.
    /// </summary>
    internal virtual bool TakesIndices => false;

    /// <summary>True when input <paramref name="input"/> is an index (only asked when <see cref="TakesIndices"/>).</summary>
    internal virtual bool IsIndex(int input) => false;

    /// <summary>Computes the output from the inputs' values.</summary>
    protected abstract Tensor Forward(Tensor[] inputs);

    /// <summary>
    /// The gradient of each input from the gradient of the output, as graph nodes built with
    /// <see cref="Ops"/> (null for an input that takes no gradient). <see cref="Inputs"/> and
    /// <see cref="Output"/> are the nodes of this application.
    /// </summary>
    protected internal abstract Node?[] Backward(Node gradOutput);

    /// <summary>
    /// The gradient of each input as plain values: by default <see cref="Backward(Node)"/> run
    /// without recording; an operation may give a faster loop with the same result.
    /// </summary>
    protected internal virtual Tensor[] Backward(Tensor gradOutput)
    {
        using var _ = GradMode.Off();
        var grads = Backward(Node.Constant(gradOutput));
        var values = new Tensor[grads.Length];
        for (var i = 0; i < grads.Length; i++)
        {
            values[i] = grads[i]?.Value ?? Tensor.Zeros(Inputs[i].Value.Shape);
        }

        return values;
    }

    /// <summary>Applies this operation to graph nodes, recording it for the backward pass.</summary>
    public Node Apply(params Node[] inputs)
    {
        var values = new Tensor[inputs.Length];
        var requiresGrad = false;
        for (var i = 0; i < inputs.Length; i++)
        {
            values[i] = inputs[i].Value;
            requiresGrad |= inputs[i].RequiresGrad;
        }

        var output = Forward(values);
        if (!requiresGrad || !GradMode.Enabled)
        {
            return Node.Constant(output);
        }

        Inputs = inputs;
        Output = new Node(output, this, inputs);
        return Output;
    }
}
