using Grader.Reference;

namespace Grader.Reference.Tests.Functions;

/// <summary>
/// Indexing and the ops that build and rearrange tensors, hand-checked on x = arange(24) of shape
/// (2, 3, 4), whose element x[a, b, c] is 12a + 4b + c, and by identities.
/// </summary>
public class IndexTests
{
    private static readonly Node X = Node.Constant(new Tensor([2, 3, 4], [.. Enumerable.Range(0, 24).Select(i => (double)i)]));

    private static readonly Node Five = Node.Constant(Tensor.Vector(0, 1, 2, 3, 4));

    public static TheoryData<string, IndexItem[], int[], double[]> Cases => new()
    {
        { "x[1, -1] = 12 + 8 + c", [IndexItem.At(1), IndexItem.At(-1)], [4], [20, 21, 22, 23] },
        { "x[1, 2, 3] = 23, a scalar", [IndexItem.At(1), IndexItem.At(2), IndexItem.At(3)], [], [23] },
        { "x[:, 1:3, 0] = 12a + 4b", [IndexItem.Slice(), IndexItem.Slice(1, 3), IndexItem.At(0)], [2, 2], [4, 8, 16, 20] },
        { "x[0, ::2, ::3] = 4b + c at b = 0, 2 and c = 0, 3", [IndexItem.At(0), IndexItem.Slice(step: 2), IndexItem.Slice(step: 3)], [2, 2], [0, 3, 8, 11] },
        { "x[[0, 1], :, [1, 3]]: lists apart go first", [List(0, 1), IndexItem.Slice(), List(1, 3)], [2, 3], [1, 5, 9, 15, 19, 23] },
        { "x[:, [0, 2], [1, 3]]: adjacent lists stay in place", [IndexItem.Slice(), List(0, 2), List(1, 3)], [2, 2], [1, 11, 13, 23] },
        { "x[0, :, [1, 3]]: a number selects first (PyTorch)", [IndexItem.At(0), IndexItem.Slice(), List(1, 3)], [3, 2], [1, 3, 5, 7, 9, 11] },
        { "x[[1], [2], [0, 3]]: one-element lists broadcast", [List(1), List(2), List(0, 3)], [2], [20, 23] },
        { "x[tensor(1), :, [1, 3]]: a rank-0 index selects", [IndexItem.Tensor(Node.Constant(Tensor.Scalar(1))), IndexItem.Slice(), List(1, 3)], [3, 2], [13, 15, 17, 19, 21, 23] },
        { "x[[-1, 0]] = the last block, then the first", [List(-1, 0)], [2, 3, 4], [.. Enumerable.Range(12, 12), .. Enumerable.Range(0, 12)] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Indexing_follows_PyTorch(string identity, IndexItem[] items, int[] shape, double[] expected)
    {
        var y = Ops.Index(X, items).Value;
        Assert.True(shape.AsSpan().SequenceEqual(y.Shape), $"{identity}: shape {y.ShapeText}");
        Assert.Equal(expected, y.Data);
    }

    [Theory]
    [InlineData(null, null, 2, new[] { 0.0, 2, 4 })]
    [InlineData(1, -1, 1, new[] { 1.0, 2, 3 })]
    [InlineData(-10, 10, 1, new[] { 0.0, 1, 2, 3, 4 })]
    [InlineData(3, 1, 1, new double[0])]
    [InlineData(-2, null, 1, new[] { 3.0, 4 })]
    public void Slices_follow_Python(int? start, int? stop, int step, double[] expected) =>
        Assert.Equal(expected, Ops.Index(Five, IndexItem.Slice(start, stop, step)).Value.Data);

    [Fact]
    public void Two_lists_pair_up_as_advanced_indexing()
    {
        // The anti-diagonal of arange(9) as 3×3: M[0, 2], M[1, 1], M[2, 0] = 2, 4, 6.
        var m = Node.Constant(new Tensor([3, 3], [.. Enumerable.Range(0, 9).Select(i => (double)i)]));
        Assert.Equal([2, 4, 6], Ops.Index(m, List(0, 1, 2), List(2, 1, 0)).Value.Data);
    }

    [Fact]
    public void An_embedding_lookup_s_gradient_counts_each_row()
    {
        // ∂ Σ W[idx] / ∂W = bincount(idx) in every column: rows 1, 3, 1 → counts 0, 2, 0, 1.
        var w = Node.Leaf(Tensor.Zeros([4, 2]));
        var idx = Node.Constant(Tensor.Vector(1, 3, 1));
        var g = Ops.Sum(Ops.Embedding(w, idx)).Gradients()[w];
        Assert.Equal([0, 0, 2, 2, 0, 0, 1, 1], g.Data);
        Assert.Equal([3, 2], Ops.Embedding(w, idx).Value.Shape);
    }

    [Theory]
    [InlineData(new[] { 5.0 }, "out of range")]
    [InlineData(new[] { -6.0 }, "out of range")]
    [InlineData(new[] { 1.5 }, "whole number")]
    public void Bad_indices_are_refused(double[] index, string message) =>
        Assert.Contains(message, Assert.Throws<ShapeException>(() => Ops.Index(Five, IndexItem.Tensor(Node.Constant(Tensor.Vector(index))))).Message);

    [Fact]
    public void A_negative_step_and_too_many_indices_are_refused()
    {
        Assert.Contains("step must be positive", Assert.Throws<ShapeException>(() => Ops.Index(Five, IndexItem.Slice(step: -1))).Message);
        Assert.Contains("2 indices", Assert.Throws<ShapeException>(() => Ops.Index(Five, IndexItem.At(0), IndexItem.At(0))).Message);
    }

    [Fact]
    public void Stack_then_index_gives_back_the_parts()
    {
        var a = Node.Constant(new Tensor([2, 2], [1, 2, 3, 4]));
        var b = Node.Constant(new Tensor([2, 2], [5, 6, 7, 8]));
        for (var axis = -3; axis < 3; axis++)
        {
            var s = Ops.Stack([a, b], axis);
            var at = axis < 0 ? axis + 3 : axis;
            var items = Enumerable.Range(0, at).Select(_ => IndexItem.Slice()).ToList();
            Assert.Equal(a.Value.Data, Ops.Index(s, [.. items, IndexItem.At(0)]).Value.Data);
            Assert.Equal(b.Value.Data, Ops.Index(s, [.. items, IndexItem.At(1)]).Value.Data);
        }
    }

    [Fact]
    public void Concat_joins_along_an_axis()
    {
        var a = Node.Constant(new Tensor([2, 1], [1, 2]));
        var b = Node.Constant(new Tensor([2, 2], [3, 4, 5, 6]));
        var y = Ops.Concat([a, b], -1).Value;
        Assert.Equal([2, 3], y.Shape);
        Assert.Equal([1, 3, 4, 2, 5, 6], y.Data);
        Assert.Contains("other sizes equal", Assert.Throws<ShapeException>(() => Ops.Concat([a, b], 0)).Message);
    }

    [Fact]
    public void Permute_twice_is_the_identity_and_transpose_swaps_two_axes()
    {
        var p = Ops.Permute(X, [2, 0, 1]);
        Assert.Equal([4, 2, 3], p.Value.Shape);
        Assert.Equal(X.Value.Data, Ops.Permute(p, [1, 2, 0]).Value.Data);

        // transpose(x, 0, 2)[c, b, a] = x[a, b, c]: element (1, 2, 1) is 12 + 8 + 1.
        Assert.Equal(21, Ops.Transpose(X, 0, -1).Value[1, 2, 1]);
        var m = Node.Constant(new Tensor([2, 3], [1, 2, 3, 4, 5, 6]));
        Assert.Equal(Ops.Transpose(m).Value.Data, Ops.Transpose(m, 0, 1).Value.Data);
    }

    [Fact]
    public void Clip_passes_the_gradient_at_its_bounds()
    {
        // PyTorch's clamp: the gradient is 1 where lo ≤ x ≤ hi, bounds included.
        var x = Node.Leaf(Tensor.Vector(-1, -0.5, 0, 0.7, 2));
        var y = Ops.Clip(x, -0.5, 0.7);
        Assert.Equal([-0.5, -0.5, 0, 0.7, 0.7], y.Value.Data);
        Assert.Equal([0, 1, 1, 1, 0], Ops.Sum(y).Gradients()[x].Data);
    }

    [Fact]
    public void One_hot_rows_and_no_gradient()
    {
        var idx = Node.Leaf(Tensor.Vector(2, 0));
        var y = Ops.OneHot(idx, 3);
        Assert.Equal([2, 3], y.Value.Shape);
        Assert.Equal([0, 0, 1, 1, 0, 0], y.Value.Data);
        Assert.Contains("whole class indices", Assert.Throws<ShapeException>(() => Ops.OneHot(Node.Constant(Tensor.Vector(3)), 3)).Message);
    }

    [Fact]
    public void An_index_is_found_in_the_graph_and_through_what_it_is_computed_from()
    {
        var w = Node.Leaf(Tensor.Zeros([4, 2]));
        var j = Node.Leaf(Tensor.Vector(0, 1));
        var idx = Ops.Mul(j, Ops.Constant(2));
        var f = Ops.Sum(Ops.Mul(Ops.Embedding(w, idx), Ops.Sum(j)));
        Assert.True(IndexUse.IsIndexOf(f, idx));
        Assert.True(IndexUse.IsIndexOf(f, j));
        Assert.False(IndexUse.IsIndexOf(f, w));
        Assert.True(IndexUse.IsIndexOf(Ops.Sum(Ops.OneHot(j, 2)), j));

        // A gradient node is computed from the graph it is the gradient of, indices included.
        Assert.True(IndexUse.IsIndexOf(Ops.Sum(Ops.Grad(f, w)), j));
    }

    private static IndexItem List(params double[] indices) => IndexItem.Tensor(Node.Constant(Tensor.Vector(indices)));
}
