using System.Text.Json;
using Grader.Reference;

namespace Grader.Domain.Output;

/// <summary>Writes a tensor as JSON: a number for a scalar, nested arrays in the tensor's shape otherwise.
/// Numbers are written in the shortest form that round-trips the double exactly.</summary>
public static class TensorJson
{
    /// <summary>Writes the tensor at the writer's position.</summary>
    public static void Write(Utf8JsonWriter writer, Tensor tensor)
    {
        var offset = 0;
        Write(writer, tensor, 0, ref offset);
    }

    private static void Write(Utf8JsonWriter writer, Tensor tensor, int axis, ref int offset)
    {
        if (axis == tensor.Rank)
        {
            writer.WriteNumberValue(tensor.Data[offset++]);
            return;
        }

        writer.WriteStartArray();
        for (var i = 0; i < tensor.Shape[axis]; i++)
        {
            Write(writer, tensor, axis + 1, ref offset);
        }

        writer.WriteEndArray();
    }
}
