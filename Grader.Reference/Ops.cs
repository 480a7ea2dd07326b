using Grader.Reference.Functions;

namespace Grader.Reference;

/// <summary>
/// The operations of the reference engine on graph nodes. Primitives apply one
/// <see cref="Function"/>; composite operations are built from primitives (sub = add + neg),
/// so they need no backward pass of their own.
/// </summary>
public static partial class Ops
{
    /// <summary>A constant scalar node.</summary>
    public static Node Constant(double value) => Node.Constant(Tensor.Scalar(value));

    /// <summary>a + b, element-wise, broadcast by NumPy's rule.</summary>
    public static Node Add(Node a, Node b) => Binary(new Add(), a, b, "+");

    /// <summary>a − b = a + (−b).</summary>
    public static Node Sub(Node a, Node b) => Binary(new Add(), a, Neg(b), "-");

    /// <summary>a · b, element-wise.</summary>
    public static Node Mul(Node a, Node b) => Binary(new Mul(), a, b, "*");

    /// <summary>a / b = a · (1/b), element-wise.</summary>
    public static Node Div(Node a, Node b) => Binary(new Mul(), a, Reciprocal(b), "/");

    /// <summary>1/x, element-wise.</summary>
    public static Node Reciprocal(Node x) => new Reciprocal().Apply(x);

    /// <summary>Element-wise a where <paramref name="condition"/> is not 0, else b (no gradient to the condition).</summary>
    public static Node Where(Tensor condition, Node a, Node b) => new Where(condition).Apply(a, b);

    /// <summary>
    /// <paramref name="value"/> with 0 wherever <paramref name="at"/> is 0 (itself when <paramref name="at"/>
    /// has no 0): a derivative masked where its formula is 0/0, as PyTorch's backward formulas mask them.
    /// </summary>
    internal static Node ZeroWhereZero(Tensor at, Node value) =>
        at.Data.Contains(0)
            ? Where(at.Map(v => v == 0 ? 0.0 : 1.0), value, Node.Constant(Tensor.Zeros(at.Shape)))
            : value;

    /// <summary>
    /// <paramref name="n"/> with 1 in place of each 0 (itself when it has none): the safe input of a
    /// branch that <see cref="ZeroWhereZero"/> then masks, so that it stays finite and its own
    /// derivative is 0 there rather than 0·∞.
    /// </summary>
    internal static Node OneWhereZero(Node n) =>
        n.Value.Data.Contains(0)
            ? Where(n.Value.Map(v => v == 0 ? 0.0 : 1.0), n, Node.Constant(Tensor.Full(n.Value.Shape, 1)))
            : n;

    /// <summary>
    /// The gradient of the one-element <paramref name="output"/> with respect to
    /// <paramref name="target"/> (zeros where it does not depend on it), as a node that can be
    /// differentiated again (PyTorch's <c>torch.autograd.grad</c> with <c>create_graph=True</c>).
    /// </summary>
    public static Node Grad(Node output, Node target) =>
        output.Gradients().TryGetValue(target, out var g)
            ? Node.Gradient(output, target, g)
            : Node.Constant(Tensor.Zeros(target.Value.Shape));

    /// <summary>a ^ b, element-wise.</summary>
    public static Node Pow(Node a, Node b) => Binary(new Pow(), a, b, "^");

    /// <summary>−x.</summary>
    public static Node Neg(Node x) => new Neg().Apply(x);

    /// <summary>PyTorch's element-wise binary cross-entropy of probabilities p and targets t (logs kept at or above −100).</summary>
    public static Node BinaryCrossEntropy(Node p, Node t) => Binary(new BinaryCrossEntropy(), p, t, "bce");

    /// <summary>max(a, b), element-wise.</summary>
    public static Node Maximum(Node a, Node b) => Binary(new Maximum(), a, b, "maximum");

    /// <summary>e^x.</summary>
    public static Node Exp(Node x) => new Exp().Apply(x);

    /// <summary>ln x.</summary>
    public static Node Log(Node x) => new Log().Apply(x);

    /// <summary>sin x.</summary>
    public static Node Sin(Node x) => new Sin().Apply(x);

    /// <summary>cos x.</summary>
    public static Node Cos(Node x) => new Cos().Apply(x);

    /// <summary>tan x.</summary>
    public static Node Tan(Node x) => new Tan().Apply(x);

    /// <summary>√x.</summary>
    public static Node Sqrt(Node x) => new Sqrt().Apply(x);

    /// <summary>|x|.</summary>
    public static Node Abs(Node x) => new Abs().Apply(x);

    /// <summary>tanh x.</summary>
    public static Node Tanh(Node x) => new Tanh().Apply(x);

    /// <summary>The logistic sigmoid.</summary>
    public static Node Sigmoid(Node x) => new Sigmoid().Apply(x);

    /// <summary>max(0, x).</summary>
    public static Node Relu(Node x) => new Relu().Apply(x);

    /// <summary>Leaky ReLU with the given negative slope.</summary>
    public static Node LeakyRelu(Node x, double slope = 0.01) => new LeakyRelu(slope).Apply(x);

    /// <summary>ELU with the given alpha.</summary>
    public static Node Elu(Node x, double alpha = 1) => new Elu(alpha).Apply(x);

    /// <summary>Softmax along the last axis, exp(log_softmax(x)).</summary>
    public static Node Softmax(Node x) => Exp(LogSoftmax(x));

    /// <summary>log(softmax(x)) along the last axis.</summary>
    public static Node LogSoftmax(Node x) => new LogSoftmax().Apply(x);

    /// <summary>The sum of every element.</summary>
    public static Node Sum(Node x) => new Sum().Apply(x);

    /// <summary>The mean of every element.</summary>
    public static Node Mean(Node x) =>
        x.Value.Count == 0
            ? throw new ShapeException("mean of an empty tensor")
            : Mul(Sum(x), Constant(1.0 / x.Value.Count));

    /// <summary>The largest element.</summary>
    public static Node Max(Node x) => new Max().Apply(x);

    /// <summary>The same elements under another shape.</summary>
    public static Node Reshape(Node x, int[] shape) => new Reshape(shape).Apply(x);

    /// <summary>The elements as a vector.</summary>
    public static Node Flatten(Node x) => Reshape(x, [x.Value.Count]);

    /// <summary>Reverses the last two axes (a 180° rotation of each kernel).</summary>
    public static Node Flip(Node x) => new Flip().Apply(x);

    /// <summary>The transpose of a matrix; a vector or scalar is returned as it is.</summary>
    public static Node Transpose(Node x) => x.Value.Rank < 2 ? x : new Transpose().Apply(x);

    /// <summary>
    /// The matrix product, as <c>torch.matmul</c>: (m,n)@(n,k)→(m,k), (m,n)@(n)→(m), (n)@(n,k)→(k),
    /// (n)@(n)→scalar, and with an operand of rank 3 or more a product over its last two axes, the
    /// leading axes broadcast ((B, n, d) @ (B, d, m) → (B, n, m); (B, n, d) @ (d, m) → (B, n, m)).
    /// </summary>
    public static Node MatMul(Node a, Node b)
    {
        var (ra, rb) = (a.Value.Rank, b.Value.Rank);
        if (ra >= 3 || rb >= 3)
        {
            return BatchedMatMul(a, b);
        }

        if (ra is < 1 or > 2 || rb is < 1 or > 2)
        {
            throw new ShapeException($"@ needs vectors or matrices, got {a.Value.ShapeText} @ {b.Value.ShapeText}");
        }

        var a2 = ra == 1 ? Reshape(a, [1, a.Value.Shape[0]]) : a;
        var b2 = rb == 1 ? Reshape(b, [b.Value.Shape[0], 1]) : b;
        if (a2.Value.Shape[1] != b2.Value.Shape[0])
        {
            throw new ShapeException($"@ needs inner sizes to match, got {a.Value.ShapeText} @ {b.Value.ShapeText}");
        }

        var product = new MatMul().Apply(a2, b2);
        return (ra, rb) switch
        {
            (2, 2) => product,
            (2, 1) => Reshape(product, [a.Value.Shape[0]]),
            (1, 2) => Reshape(product, [b.Value.Shape[1]]),
            _ => Reshape(product, []),
        };
    }

    /// <summary>The dot product of two vectors of equal length.</summary>
    public static Node Dot(Node a, Node b)
    {
        if (a.Value.Rank != 1 || b.Value.Rank != 1 || a.Value.Count != b.Value.Count)
        {
            throw new ShapeException($"dot needs two vectors of equal length, got {a.Value.ShapeText} and {b.Value.ShapeText}");
        }

        return Sum(Mul(a, b));
    }

    /// <summary>The outer product of two vectors, (n) and (m) → (n, m).</summary>
    public static Node Outer(Node a, Node b) =>
        a.Value.Rank != 1 || b.Value.Rank != 1
            ? throw new ShapeException($"outer needs two vectors (1-D, as torch.outer), got {a.Value.ShapeText} and {b.Value.ShapeText}")
            : new MatMul().Apply(Reshape(a, [a.Value.Count, 1]), Reshape(b, [1, b.Value.Count]));

    /// <summary>The L2 norm of every element, √Σx² (gradient 0 at x = 0, as in PyTorch).</summary>
    public static Node Norm(Node x) => new Norm().Apply(x);

    /// <summary>
    /// Cross-correlation (no kernel flip) with zero padding: x (H,W) or (C,H,W), kernels (kH,kW)
    /// or (F,C,kH,kW), optional bias (F). A 2-D input with a 2-D kernel gives a 2-D output.
    /// </summary>
    public static Node Conv2d(Node x, Node k, Node? bias = null, int stride = 1, int padding = 0) =>
        Conv2d(x, k, bias, new ConvOptions(stride, padding));

    /// <summary>
    /// PyTorch's <c>conv2d</c>: cross-correlation of x (N, C, H, W) with kernels (F, C/groups, kH, kW)
    /// and an optional bias (F), giving (N, F, H', W'). An unbatched x (C, H, W) gives (F, H', W');
    /// a plain x (H, W) with a plain kernel (kH, kW) gives (H', W').
    /// </summary>
    public static Node Conv2d(Node x, Node k, Node? bias, ConvOptions options)
    {
        var (xs, ks) = (x.Value.Shape, k.Value.Shape);
        if (xs.Length is < 2 or > 4 || ks.Length is not (2 or 4))
        {
            throw new ShapeException($"conv2d needs x (H, W), (C, H, W) or (N, C, H, W) and a kernel (kH, kW) or (F, C, kH, kW), got {x.Value.ShapeText} and {k.Value.ShapeText}");
        }

        var x4 = xs.Length == 4 ? x : Reshape(x, [.. Enumerable.Repeat(1, 4 - xs.Length), .. xs]);
        var k4 = ks.Length == 4 ? k : Reshape(k, [1, 1, .. ks]);
        RequireChannels("conv2d", x.Value, k.Value, x4.Value.Shape[1], k4.Value.Shape[1], options.Groups);
        var y = Bias(new Conv2d(options), x4, k4, bias, plainKernel: ks.Length == 2);
        return xs.Length == 4 ? y
            : xs.Length == 2 && ks.Length == 2 ? Reshape(y, y.Value.Shape[2..])
            : Reshape(y, y.Value.Shape[1..]);
    }

    /// <summary>
    /// PyTorch's <c>conv1d</c>: cross-correlation of x (N, C, L) or (C, L) with kernels
    /// (F, C/groups, kL) and an optional bias (F), giving (N, F, L') or (F, L'). It is the 2-D
    /// convolution of height 1; <paramref name="same"/> is PyTorch's <c>padding="same"</c>.
    /// </summary>
    public static Node Conv1d(Node x, Node k, Node? bias = null, int stride = 1, int padding = 0, int dilation = 1, int groups = 1, bool same = false)
    {
        var (xs, ks) = (x.Value.Shape, k.Value.Shape);
        if (xs.Length is not (2 or 3) || ks.Length != 3)
        {
            throw new ShapeException($"conv1d needs x (N, C, L) or (C, L) and kernels (F, C/groups, kL), got {x.Value.ShapeText} and {k.Value.ShapeText}");
        }

        RequireChannels("conv1d", x.Value, k.Value, xs[^2], ks[1], groups);
        if (same && stride != 1)
        {
            throw new ShapeException($"conv1d: padding=\"same\" needs stride 1, as in PyTorch, got stride {stride}");
        }

        var x4 = Reshape(x, [xs.Length == 3 ? xs[0] : 1, xs[^2], 1, xs[^1]]);
        var k4 = Reshape(k, [ks[0], ks[1], 1, ks[2]]);
        var options = new ConvOptions(new Size2(1, stride), new Size2(0, padding), new Size2(1, dilation), groups) { Same = same };
        var y = Bias(new Conv2d(options, "conv1d"), x4, k4, bias);
        var (n, f, l) = (y.Value.Shape[0], y.Value.Shape[1], y.Value.Shape[3]);
        return Reshape(y, xs.Length == 3 ? [n, f, l] : [f, l]);
    }

    /// <summary>
    /// PyTorch's <c>conv_transpose2d</c>: x (N, C_in, H, W) or (C_in, H, W) with kernels
    /// (C_in, C_out/groups, kH, kW) and an optional bias (C_out), output side
    /// (n − 1)·s − 2p + d·(k − 1) + output_padding + 1; the adjoint of <see cref="Conv2d(Node, Node, Node?, ConvOptions)"/>.
    /// A plain x (H, W) with a plain kernel (kH, kW) gives a plain output.
    /// </summary>
    public static Node ConvTranspose2d(Node x, Node k, Node? bias, ConvOptions options, Size2 outputPadding)
    {
        var (xs, ks) = (x.Value.Shape, k.Value.Shape);
        if (xs.Length is < 2 or > 4 || ks.Length is not (2 or 4))
        {
            throw new ShapeException($"conv_transpose2d needs x (H, W), (C_in, H, W) or (N, C_in, H, W) and a kernel (kH, kW) or (C_in, C_out/groups, kH, kW), got {x.Value.ShapeText} and {k.Value.ShapeText}");
        }

        var x4 = xs.Length == 4 ? x : Reshape(x, [.. Enumerable.Repeat(1, 4 - xs.Length), .. xs]);
        var k4 = ks.Length == 4 ? k : Reshape(k, [1, 1, .. ks]);
        if (x4.Value.Shape[1] != k4.Value.Shape[0])
        {
            throw new ShapeException($"conv_transpose2d: kernels {k.Value.ShapeText} take {k4.Value.Shape[0]} input channel(s) (the first axis), x {x.Value.ShapeText} has {x4.Value.Shape[1]}");
        }

        var y = Bias(new ConvTranspose2d(options, outputPadding), x4, k4, bias, plainKernel: ks.Length == 2);
        return xs.Length == 4 ? y
            : xs.Length == 2 && ks.Length == 2 ? Reshape(y, y.Value.Shape[2..])
            : Reshape(y, y.Value.Shape[1..]);
    }

    /// <summary>Max pooling over (H,W), (C,H,W) or (N,C,H,W); stride defaults to the window size.</summary>
    public static Node MaxPool2d(Node x, Size2 size, Size2? stride = null, Size2 padding = default) =>
        Pool(x, new MaxPool2d(size, stride ?? size, padding), "maxpool2d");

    /// <summary>Average pooling over (H,W), (C,H,W) or (N,C,H,W); stride defaults to the window size.</summary>
    public static Node AvgPool2d(Node x, Size2 size, Size2? stride = null, Size2 padding = default) =>
        Pool(x, new AvgPool2d(size, stride ?? size, padding), "avgpool2d");

    /// <summary>Max pooling along the last axis of (C, L) or (N, C, L); stride defaults to the window size.</summary>
    public static Node MaxPool1d(Node x, int size, int? stride = null, int padding = 0) =>
        Pool1d(x, new MaxPool2d(new(1, size), new(1, stride ?? size), new(0, padding), "maxpool1d"), "maxpool1d");

    /// <summary>Average pooling along the last axis of (C, L) or (N, C, L); stride defaults to the window size.</summary>
    public static Node AvgPool1d(Node x, int size, int? stride = null, int padding = 0) =>
        Pool1d(x, new AvgPool2d(new(1, size), new(1, stride ?? size), new(0, padding), "avgpool1d"), "avgpool1d");

    /// <summary>Nearest-neighbour upsampling of the last two axes of (H,W), (C,H,W) or (N,C,H,W) by a whole-number scale.</summary>
    public static Node Upsample(Node x, Size2 scale)
    {
        var xs = x.Value.Shape;
        if (xs.Length is < 2 or > 4)
        {
            throw new ShapeException($"upsample needs (H, W), (C, H, W) or (N, C, H, W), got {x.Value.ShapeText}");
        }

        var y = new Upsample(scale).Apply(Reshape(x, [Tensor.Numel(xs[..^2]), xs[^2], xs[^1]]));
        return Reshape(y, [.. xs[..^2], .. y.Value.Shape[1..]]);
    }

    private static void RequireChannels(string name, Tensor x, Tensor k, int channels, int perGroup, int groups)
    {
        if (groups < 1)
        {
            throw new ShapeException($"{name}: groups must be at least 1, got {groups}");
        }

        if (channels != (long)perGroup * groups)
        {
            throw new ShapeException(groups == 1
                ? $"{name}: kernels {k.ShapeText} expect {perGroup} input channel(s), x {x.ShapeText} has {channels}"
                : $"{name}: kernels {k.ShapeText} with groups={groups} expect {(long)perGroup * groups} input channels, x {x.ShapeText} has {channels}");
        }
    }

    /// <summary>
    /// A convolution applied with or without its bias. The bias is a vector (F), as PyTorch requires
    /// (a 0-d bias is refused there); only the plain form, a (kH, kW) kernel of no PyTorch layout,
    /// also takes a one-element bias of any shape (a number).
    /// </summary>
    private static Node Bias(Function conv, Node x, Node k, Node? bias, bool plainKernel = false)
    {
        if (bias is null)
        {
            return conv.Apply(x, k);
        }

        return conv.Apply(x, k, plainKernel && bias.Value.IsScalarLike && bias.Value.Rank != 1 ? Reshape(bias, [1]) : bias);
    }

    /// <summary>Pooling over the last two axes: a batch (N, C, H, W) is pooled as N·C channels.</summary>
    private static Node Pool(Node x, Function pool, string name)
    {
        var xs = x.Value.Shape;
        if (xs.Length is < 2 or > 4)
        {
            throw new ShapeException($"{name} needs (H, W), (C, H, W) or (N, C, H, W), got {x.Value.ShapeText}");
        }

        if (xs.Length == 3)
        {
            return pool.Apply(x);
        }

        var y = pool.Apply(Reshape(x, [Tensor.Numel(xs[..^2]), xs[^2], xs[^1]]));
        return Reshape(y, [.. xs[..^2], .. y.Value.Shape[1..]]);
    }

    /// <summary>Pooling along the last axis: (C, L) or (N, C, L) pooled as channels of height 1.</summary>
    private static Node Pool1d(Node x, Function pool, string name)
    {
        var xs = x.Value.Shape;
        if (xs.Length is not (2 or 3))
        {
            throw new ShapeException($"{name} needs (C, L) or (N, C, L), got {x.Value.ShapeText}");
        }

        var y = pool.Apply(Reshape(x, [Tensor.Numel(xs[..^1]), 1, xs[^1]]));
        return Reshape(y, [.. xs[..^1], y.Value.Shape[2]]);
    }

    /// <summary>
    /// x broadcast to a shape by NumPy's rule; its gradient is summed back to x's shape (a bias (C)
    /// added to (N, C) gets Σ over N).
    /// </summary>
    public static Node BroadcastTo(Node x, int[] shape)
    {
        var t = x.Value;
        if (t.Shape.AsSpan().SequenceEqual(shape))
        {
            return x;
        }

        if (!Broadcasting.Shape(t.Shape, shape, "broadcast").AsSpan().SequenceEqual(shape))
        {
            throw new ShapeException($"cannot broadcast {t.ShapeText} to {Tensor.FormatShape(shape)}");
        }

        return t.IsScalarLike
            ? new Expand(shape).Apply(x)
            : new Gather(Broadcasting.Map(t.Shape, shape), shape).Apply(x);
    }

    /// <summary>
    /// An element-wise comparison, 1 where it holds and 0 elsewhere, broadcast; no gradient flows
    /// through it. The result is a <see cref="Node.Mask"/> (PyTorch's bool tensor). <paramref name="op"/> is one of <c>&lt; &lt;= &gt; &gt;= == !=</c>.
    /// </summary>
    public static Node Compare(Node a, Node b, string op)
    {
        Func<double, double, bool> holds = op switch
        {
            "<" => (x, y) => x < y,
            "<=" => (x, y) => x <= y,
            ">" => (x, y) => x > y,
            ">=" => (x, y) => x >= y,
            "==" => (x, y) => x == y,
            "!=" => (x, y) => x != y,
            _ => throw new ArgumentException($"unknown comparison '{op}'", nameof(op)),
        };
        var shape = Broadcasting.Shape(a.Value.Shape, b.Value.Shape, op);
        var (ta, tb) = (BroadcastValue(a.Value, shape), BroadcastValue(b.Value, shape));
        return Node.Mask(ta.Zip(tb, (x, y) => holds(x, y) ? 1 : 0));
    }

    /// <summary>
    /// a where the condition is not 0, else b (PyTorch's <c>torch.where</c>), all three broadcast;
    /// the condition takes no gradient.
    /// </summary>
    public static Node Where(Node condition, Node a, Node b)
    {
        var shape = Broadcasting.Shape(Broadcasting.Shape(condition.Value.Shape, a.Value.Shape, "where"), b.Value.Shape, "where");
        return Where(BroadcastValue(condition.Value, shape), BroadcastTo(a, shape), BroadcastTo(b, shape));
    }

    /// <summary>min(a, b), element-wise and broadcast: −max(−a, −b), so a tie gives each side half (as <c>torch.minimum</c>).</summary>
    public static Node Minimum(Node a, Node b) => Neg(Maximum(Neg(a), Neg(b)));

    private static Tensor BroadcastValue(Tensor t, int[] shape)
    {
        if (t.Shape.AsSpan().SequenceEqual(shape))
        {
            return t;
        }

        var map = Broadcasting.Map(t.Shape, shape);
        var data = new double[map.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = t.Data[map[i]];
        }

        return new Tensor(shape, data);
    }

    private static Node Binary(Function f, Node a, Node b, string op)
    {
        var (ta, tb) = (a.Value, b.Value);
        if (ta.SameShape(tb))
        {
            return f.Apply(a, b);
        }

        var shape = Broadcasting.Shape(ta.Shape, tb.Shape, op);
        return f.Apply(BroadcastTo(a, shape), BroadcastTo(b, shape));
    }

    /// <summary>
    /// x[items] as PyTorch indexes: whole numbers drop their axis, slices keep it, index tensors
    /// (advanced indexing) pair up; the gradient scatters into x, repeated indices accumulating.
    /// </summary>
    public static Node Index(Node x, params IndexItem[] items) => Index(x, items, []);

    /// <summary>
    /// x[items], recording <paramref name="bounds"/> (the nodes slice bounds were read from) as
    /// indices of the result, so that no gradient is asked of them (<see cref="IndexUse"/>).
    /// </summary>
    public static Node Index(Node x, IReadOnlyList<IndexItem> items, IReadOnlyList<Node> bounds) =>
        new Functions.Index(items).Apply([x, .. items.OfType<IndexTensor>().Select(t => t.Indices), .. bounds]);

    /// <summary>The rows of a table W (num, dim) at whole indices of any shape S, giving S + (dim) (PyTorch's <c>F.embedding(idx, W)</c>).</summary>
    public static Node Embedding(Node table, Node indices) =>
        table.Value.Rank == 2
            ? Index(table, IndexItem.Tensor(indices))
            : throw new ShapeException($"embedding needs a table (num, dim), got shape {table.Value.ShapeText}");

    /// <summary>Tensors joined along an existing axis (negative from the end), as <c>torch.cat</c>.</summary>
    public static Node Concat(IReadOnlyList<Node> parts, int axis = 0) =>
        parts.Count == 0 ? throw new ShapeException("concat needs at least one tensor")
        : parts[0].Value.Rank == 0 ? throw new ShapeException("concat joins tensors along an axis; numbers have none (stack makes a vector of them)")
        : new Concat(Axis(axis, parts[0].Value.Rank)).Apply([.. parts]);

    /// <summary>Tensors of one shape stacked along a new axis (negative from the end), as <c>torch.stack</c>.</summary>
    public static Node Stack(IReadOnlyList<Node> parts, int axis = 0)
    {
        if (parts.Count == 0)
        {
            throw new ShapeException("stack needs at least one tensor");
        }

        var shape = parts[0].Value.Shape;
        if (parts.FirstOrDefault(p => !p.Value.SameShape(parts[0].Value)) is { } other)
        {
            throw new ShapeException($"stack needs tensors of one shape, got {parts[0].Value.ShapeText} and {other.Value.ShapeText}");
        }

        var at = Axis(axis, shape.Length + 1);
        int[] expanded = [.. shape[..at], 1, .. shape[at..]];
        return new Concat(at).Apply([.. parts.Select(p => Reshape(p, expanded))]);
    }

    /// <summary>The axes reordered, output axis k being input axis dims[k] (negative from the end), as <c>x.permute(dims)</c>.</summary>
    public static Node Permute(Node x, int[] dims) =>
        new Permute([.. dims.Select(d => Axis(d, x.Value.Rank))]).Apply(x);

    /// <summary>Axes a and b swapped (negative from the end), as <c>torch.transpose(x, a, b)</c>.</summary>
    public static Node Transpose(Node x, int a, int b)
    {
        if (x.Value.Rank == 0 && a is 0 or -1 && b is 0 or -1)
        {
            return x; // PyTorch wraps a 0-d tensor's dim as one axis: transpose(s, 0, -1) is s.
        }

        var dims = Enumerable.Range(0, x.Value.Rank).ToArray();
        (a, b) = (Axis(a, x.Value.Rank), Axis(b, x.Value.Rank));
        (dims[a], dims[b]) = (dims[b], dims[a]);
        return new Permute(dims).Apply(x);
    }

    /// <summary>Every element clamped to [lo, hi]; the gradient passes where lo ≤ x ≤ hi, as <c>torch.clamp</c>.</summary>
    public static Node Clip(Node x, double lo, double hi) => new Clip(lo, hi).Apply(x);

    /// <summary>
    /// <c>torch.clamp(x, min, max)</c> with tensor bounds (either may be null), all broadcast:
    /// min(max(x, min), max), so max wins where min &gt; max. The gradient goes as PyTorch's
    /// <c>clamp_backward</c> and <c>clamp_backward_min_max</c>: to x where min ≤ x ≤ max (bounds
    /// included), to min where x &lt; min &lt; max, to max where x &gt; max or max &lt; min; where
    /// min = max and x &lt; min, to none of them.
    /// </summary>
    public static Node Clamp(Node x, Node? min, Node? max)
    {
        var shape = x.Value.Shape;
        shape = min is null ? shape : Broadcasting.Shape(shape, min.Value.Shape, "clamp");
        shape = max is null ? shape : Broadcasting.Shape(shape, max.Value.Shape, "clamp");
        var (xs, lo, hi) = (BroadcastTo(x, shape), min is null ? null : BroadcastTo(min, shape), max is null ? null : BroadcastTo(max, shape));
        var n = Tensor.Numel(shape);
        double X(int i) => xs.Value.Data[i];
        double Lo(int i) => lo?.Value.Data[i] ?? double.NegativeInfinity;
        double Hi(int i) => hi?.Value.Data[i] ?? double.PositiveInfinity;
        Tensor Mask(Func<int, bool> holds) => new(shape, [.. Enumerable.Range(0, n).Select(i => holds(i) ? 1.0 : 0.0)]);

        var rest = Node.Constant(new Tensor(shape, [.. Enumerable.Range(0, n).Select(i => Math.Min(Math.Max(X(i), Lo(i)), Hi(i)))]));
        var y = hi is null ? rest : Where(Mask(i => X(i) > Hi(i) || (lo is not null && Hi(i) < Lo(i))), hi, rest);
        y = lo is null ? y : Where(Mask(i => X(i) < Lo(i) && (hi is null || Lo(i) < Hi(i))), lo, y);
        return Where(Mask(i => X(i) >= Lo(i) && X(i) <= Hi(i)), xs, y);
    }

    /// <summary>One-hot rows of whole class indices in [0, classes), as <c>F.one_hot</c> in float64; no gradient.</summary>
    public static Node OneHot(Node indices, int classes) => new OneHot(classes).Apply(indices);

    /// <summary>An axis of a tensor of the given rank, a negative one counted from the end.</summary>
    private static int Axis(int axis, int rank) =>
        axis < -rank || axis >= rank
            ? throw new ShapeException($"axis {axis} is out of range for {rank} axes")
            : axis < 0 ? axis + rank : axis;
}
