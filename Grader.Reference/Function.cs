namespace Grader.Reference;

/// <summary>
/// One differentiable operation, in the manner of micrograd and teenygrad: <see cref="Forward"/>
/// computes the output and saves what <see cref="Backward"/> needs; <see cref="Backward"/> turns
/// the gradient of the output into one gradient per input. An instance is used for one application.
/// </summary>
public abstract class Function
{
    /// <summary>Computes the output from the inputs' values.</summary>
    protected abstract Tensor Forward(Tensor[] inputs);

    /// <summary>Computes the gradient of each input from the gradient of the output.</summary>
    protected internal abstract Tensor[] Backward(Tensor gradOutput);

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
        return requiresGrad ? new Node(output, this, inputs) : Node.Constant(output);
    }
}
