using Grader.Reference.Functions;

namespace Grader.Reference;

/// <summary>Products over a batch, as <c>torch.matmul</c> for operands of rank 3 or more.</summary>
public static partial class Ops
{
    private static Node BatchedMatMul(Node a, Node b)
    {
        var (ta, tb) = (a.Value, b.Value);
        if (ta.Rank == 0 || tb.Rank == 0)
        {
            throw new ShapeException($"@ needs vectors, matrices or batches of them, got {ta.ShapeText} @ {tb.ShapeText}");
        }

        var a3 = ta.Rank == 1 ? Reshape(a, [1, ta.Shape[0]]) : a;
        var b3 = tb.Rank == 1 ? Reshape(b, [tb.Shape[0], 1]) : b;
        var (sa, sb) = (a3.Value.Shape, b3.Value.Shape);
        if (sa[^1] != sb[^2])
        {
            throw new ShapeException($"@ needs the inner sizes to match, got {ta.ShapeText} @ {tb.ShapeText}");
        }

        var batch = Broadcasting.Shape(sa[..^2], sb[..^2], "@ (the batch axes)");
        var product = new BatchedMatMul().Apply(BroadcastTo(a3, [.. batch, sa[^2], sa[^1]]), BroadcastTo(b3, [.. batch, sb[^2], sb[^1]]));
        int[] shape = [.. batch, .. ta.Rank == 1 ? Array.Empty<int>() : [sa[^2]], .. tb.Rank == 1 ? Array.Empty<int>() : [sb[^1]]];
        return Reshape(product, shape);
    }
}
