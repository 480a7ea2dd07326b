namespace Grader.Domain.Networks;

/// <summary>A named layer stack with its input shape (one sample, no batch axis).</summary>
public sealed record Network(string Name, int[] Input, IReadOnlyList<Layer> Layers)
{
    /// <summary>The shape after layer <paramref name="count"/> (1-based; 0 is the input).</summary>
    public int[] ShapeAfter(int count)
    {
        var shape = Input;
        for (var i = 0; i < count; i++)
        {
            try
            {
                shape = Layers[i].OutputShape(shape);
            }
            catch (ArchitectureException ex)
            {
                throw new ArchitectureException($"network {Name}, layer {i + 1} ({Layers[i].Describe()}): {ex.Message}");
            }
        }

        return shape;
    }

    /// <summary>The learnable parameters of layer <paramref name="index"/> (1-based).</summary>
    public long ParametersOf(int index) => Layers[index - 1].Parameters(ShapeAfter(index - 1));

    /// <summary>The learnable parameters of the whole stack, biases included.</summary>
    public long Parameters() => Enumerable.Range(1, Layers.Count).Sum(ParametersOf);
}
