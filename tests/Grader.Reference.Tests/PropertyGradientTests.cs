using CsCheck;

namespace Grader.Reference.Tests;

/// <summary>
/// Property-based gradient checks (CsCheck): for every operation, over generated shapes, strides,
/// paddings and values, reverse-mode gradients agree with central finite differences. Values are
/// generated away from kinks (a kink's derivative is a convention, checked in <see cref="KinkTests"/>).
/// A failure is shrunk by CsCheck and reported with the seed that reproduces it.
/// </summary>
public class PropertyGradientTests
{
    private const int Iterations = 25;

    public static TheoryData<string> Operations => [.. Cases.Keys];

    private static readonly Gen<int[]> AnyShape = Gen.Int[0, 3].SelectMany(rank => Gen.Int[1, 4].Array[rank]);

    private static readonly Dictionary<string, Gen<Case>> Cases = new()
    {
        ["add"] = Same(2, n => Ops.Add(n[0], n[1])),
        ["sub"] = Same(2, n => Ops.Sub(n[0], n[1])),
        ["mul"] = Same(2, n => Ops.Mul(n[0], n[1])),
        ["div"] = AnyShape.SelectMany(s => Gen.Select(Values(s), AwayFromZero(s), (a, b) => new Case(n => Ops.Div(n[0], n[1]), a, b))),
        ["pow"] = AnyShape.SelectMany(s => Gen.Select(Positive(s), AwayFromZero(s), (a, b) => new Case(n => Ops.Pow(n[0], n[1]), a, b))),
        ["broadcast-scalar"] = AnyShape.SelectMany(s => Gen.Select(Values([]), Values(s), (a, b) => new Case(n => Ops.Mul(n[0], n[1]), a, b))),
        ["broadcast-numpy"] = Broadcastable().SelectMany(p => Gen.Select(Values(p.A), Values(p.B), (a, b) => new Case(n => Ops.Mul(Ops.Add(n[0], n[1]), n[1]), a, b))),
        ["minimum"] = Broadcastable().SelectMany(p => Gen.Select(Distinct(p.A), Values(p.B).Select(b => b.Map(v => v + 0.0123)), (a, b) => new Case(n => Ops.Minimum(n[0], n[1]), a, b))),
        ["where"] = Broadcastable().SelectMany(p => Gen.Select(Values(p.A), Values(p.B), Gen.Int[0, 1].Array[Tensor.Numel(p.A)], (a, b, c) =>
            new Case(n => Ops.Where(Node.Constant(new Tensor(p.A, [.. c.Select(v => (double)v)])), Ops.Mul(n[0], n[0]), Ops.Sin(n[1])), a, b))),
        ["sum-axes"] = Along((x, axes, keep) => Ops.Sum(x, axes, keep)),
        ["mean-axes"] = Along((x, axes, keep) => Ops.Mean(x, axes, keep)),
        ["max-axes"] = AlongDistinct((x, axes, keep) => Ops.Max(x, axes, keep)),
        ["min-axes"] = AlongDistinct((x, axes, keep) => Ops.Min(x, axes, keep)),
        ["min"] = Unary(Distinct, Ops.Min),
        ["var"] = Gen.Bool.SelectMany(unbiased => Along((x, axes, keep) => Ops.Var(x, axes, keep, unbiased), atLeastTwo: true)),
        ["std"] = Along(s => Distinct(s, 0.3), (x, axes, keep) => Ops.Std(x, axes, keep), atLeastTwo: true),
        ["logsumexp"] = Along((x, axes, keep) => Ops.LogSumExp(x, axes, keep)),
        ["prod"] = Along((x, axes, keep) => Ops.Prod(x, axes, keep)),
        ["norm-axes"] = Along(Positive, (x, axes, keep) => Ops.Norm(x, axes ?? [0], keep), atLeastTwo: false),
        ["softmax-axis"] = Gen.Int[1, 3].SelectMany(rank => Gen.Int[1, 3].Array[rank]).SelectMany(s => Gen.Select(Values(s), Gen.Int[-s.Length, s.Length - 1], (x, axis) => new Case(n => Ops.LogSoftmax(n[0], axis), x))),
        ["erf"] = Same(1, n => Ops.Erf(n[0])),
        ["softplus"] = Gen.Double[0.5, 3].SelectMany(beta => Same(1, n => Ops.Softplus(n[0], beta, threshold: 100))),
        ["gelu"] = Gen.Bool.SelectMany(tanh => Same(1, n => Ops.Gelu(n[0], tanh))),
        ["silu"] = Same(1, n => Ops.Silu(n[0])),
        ["hardtanh"] = Unary(s => Values(s, 3).Select(t => t.Map(v => Math.Abs(Math.Abs(v) - 1) < 0.05 ? v + 0.1 : v)), x => Ops.Hardtanh(x)),
        ["log_sigmoid"] = Same(1, n => Ops.LogSigmoid(n[0])),
        ["linear"] = Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3]).SelectMany((rows, inputs, outputs) =>
            Gen.Select(Values([rows, inputs]), Values([outputs, inputs]), Values([outputs]), (x, w, b) => new Case(n => Ops.Linear(n[0], n[1], n[2]), x, w, b))),
        ["batchnorm"] = Gen.Select(Gen.Int[2, 4], Gen.Int[1, 3], Gen.Int[0, 2]).SelectMany((batch, channels, spatial) =>
            // x's values spaced apart, as for std: near a variance of 0 (against eps) finite differences lose their accuracy.
            Gen.Select(Distinct([batch, channels, .. Enumerable.Repeat(2, spatial)], 0.3), Values([channels]), Values([channels]), (x, g, b) =>
                new Case(n => Ops.BatchNorm(n[0], n[1], n[2]), x, g, b))),
        ["layernorm"] = Gen.Select(Gen.Int[1, 3], Gen.Int[2, 4]).SelectMany((rows, d) =>
            Gen.Select(Distinct([rows, d], 0.3), Values([d]), Values([d]), (x, g, b) => new Case(n => Ops.LayerNorm(n[0], n[1], n[2]), x, g, b))),
        ["dropout"] = AnyShape.SelectMany(s => Gen.Select(Values(s), Gen.Int[0, 1].Array[Tensor.Numel(s)], (x, m) =>
            new Case(n => Ops.Dropout(n[0], Node.Constant(new Tensor(s, [.. m.Select(v => (double)v)])), 0.25), x))),
        ["nll_loss"] = Gen.Select(Gen.Int[1, 4], Gen.Int[2, 4]).SelectMany((rows, c) =>
            Gen.Select(Values([rows, c]), Gen.Int[0, c - 1].Array[rows], Gen.Int[0, 2], (x, t, r) =>
                new Case(n => Losses.NllLoss(n[0], Node.Constant(new Tensor([rows], [.. t.Select(v => (double)v)])), (Reduction)r), x))),
        ["bce_with_logits"] = AnyShape.SelectMany(s => Gen.Select(Values(s, 4), Values(s, 0.5), Gen.Int[0, 2], (x, t, r) =>
            new Case(n => Losses.BceWithLogits(n[0], n[1], (Reduction)r), x, t.Map(v => v + 0.5)))),
        ["binary_cross_entropy"] = AnyShape.SelectMany(s => Gen.Select(Values(s, 0.45), Values(s, 0.5), Gen.Int[0, 2], (p, t, r) =>
            new Case(n => Losses.Bce(n[0], n[1], (Reduction)r), p.Map(v => v + 0.5), t.Map(v => v + 0.5)))),
        ["cross_entropy-none"] = Gen.Select(Gen.Int[1, 4], Gen.Int[2, 4]).SelectMany((rows, c) =>
            Gen.Select(Values([rows, c]), Gen.Int[0, c - 1].Array[rows], (x, t) =>
                new Case(n => Losses.CrossEntropy(n[0], Node.Constant(new Tensor([rows], [.. t.Select(v => (double)v)])), Reduction.None), x))),
        ["neg"] = Same(1, n => Ops.Neg(n[0])),
        ["exp"] = Same(1, n => Ops.Exp(n[0])),
        ["log"] = Unary(Positive, Ops.Log),
        ["sin"] = Same(1, n => Ops.Sin(n[0])),
        ["cos"] = Same(1, n => Ops.Cos(n[0])),
        ["tan"] = Unary(s => Values(s, 1.2), Ops.Tan),
        ["sqrt"] = Unary(Positive, Ops.Sqrt),
        ["abs"] = Unary(AwayFromZero, Ops.Abs),
        ["tanh"] = Same(1, n => Ops.Tanh(n[0])),
        ["sigmoid"] = Same(1, n => Ops.Sigmoid(n[0])),
        ["relu"] = Unary(AwayFromZero, Ops.Relu),
        ["leaky_relu"] = Gen.Double[0.01, 0.5].SelectMany(slope => Unary(AwayFromZero, x => Ops.LeakyRelu(x, slope))),
        ["elu"] = Gen.Double[0.1, 3].SelectMany(alpha => Unary(AwayFromZero, x => Ops.Elu(x, alpha))),
        ["softmax"] = Same(1, n => Ops.Softmax(n[0])),
        ["log_softmax"] = Same(1, n => Ops.LogSoftmax(n[0])),
        ["maximum"] = AnyShape.SelectMany(s => Gen.Select(Values(s), AwayFromZero(s), (a, d) => new Case(n => Ops.Maximum(n[0], n[1]), a, a.Zip(d, (x, y) => x + y)))),
        ["sum"] = Same(1, n => Ops.Sum(n[0])),
        ["mean"] = Same(1, n => Ops.Mean(n[0])),
        ["max"] = Unary(Distinct, Ops.Max),
        ["norm"] = Unary(AwayFromZero, Ops.Norm),
        ["reshape"] = Same(1, n => Ops.Reshape(n[0], [n[0].Value.Count])),
        ["transpose"] = Matrix().Select(a => new Case(n => Ops.Transpose(n[0]), a)),
        ["flip"] = Matrix().Select(a => new Case(n => Ops.Flip(n[0]), a)),
        ["matmul"] = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[0, 3]).SelectMany((m, k, p, form) =>
        {
            int[] a = form is 0 or 1 ? [m, k] : [k];
            int[] b = form is 0 or 2 ? [k, p] : [k];
            return Gen.Select(Values(a), Values(b), (x, y) => new Case(n => Ops.MatMul(n[0], n[1]), x, y));
        }),
        ["batched-matmul"] = Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 4]).SelectMany((batch, n, d, m, form) =>
        {
            // (B, n, d) @ (B, d, m); (B, n, d) @ (d, m); (n, d) @ (B, d, m); (B, 1, n, d) @ (B, d, m); (B, n, d) @ (d)
            int[] a = form switch { 2 => [n, d], 3 => [batch, 1, n, d], _ => [batch, n, d] };
            int[] b = form switch { 1 => [d, m], 4 => [d], _ => [batch, d, m] };
            return Gen.Select(Values(a), Values(b), (x, y) => new Case(v => Ops.MatMul(v[0], v[1]), x, y));
        }),
        ["dot"] = Gen.Int[1, 5].SelectMany(k => Gen.Select(Values([k]), Values([k]), (a, b) => new Case(n => Ops.Dot(n[0], n[1]), a, b))),
        ["outer"] = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4]).SelectMany((m, k) => Gen.Select(Values([m]), Values([k]), (a, b) => new Case(n => Ops.Outer(n[0], n[1]), a, b))),
        ["conv2d"] = Conv(),
        ["maxpool2d"] = Pool(Distinct, (x, size, stride, padding) => Ops.MaxPool2d(x, size, stride, padding)),
        ["avgpool2d"] = Pool(s => Values(s), (x, size, stride, padding) => Ops.AvgPool2d(x, size, stride, padding)),
        ["conv2d_batched_groups_dilation"] = BatchedConv(),
        ["conv1d"] = Conv1d(),
        ["conv_transpose2d"] = ConvTranspose(),
        ["maxpool2d_batched"] = BatchedPool(Distinct, (x, size, stride, padding) => Ops.MaxPool2d(x, size, stride, padding)),
        ["avgpool2d_batched"] = BatchedPool(s => Values(s), (x, size, stride, padding) => Ops.AvgPool2d(x, size, stride, padding)),
        ["maxpool1d"] = Pool1d(Distinct, (x, size, stride, padding) => Ops.MaxPool1d(x, size, stride, padding)),
        ["avgpool1d"] = Pool1d(s => Values(s), (x, size, stride, padding) => Ops.AvgPool1d(x, size, stride, padding)),
        ["upsample"] = Gen.Select(Gen.Int[2, 4], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3]).SelectMany((rank, h, w, sh, sw) =>
            Values([.. Enumerable.Repeat(2, rank - 2), h, w]).Select(x => new Case(n => Ops.Upsample(n[0], new Size2(sh, sw)), x))),
        ["mse"] = Gen.Bool.SelectMany(sum => Same(2, n => Losses.Mse(n[0], n[1], sum ? Reduction.Sum : Reduction.Mean))),
        ["sse"] = Same(2, n => Losses.Sse(n[0], n[1])),
        ["cross_entropy"] = Gen.Select(Gen.Int[1, 4], Gen.Int[2, 5], Gen.Bool, Gen.Bool).SelectMany((rows, c, batch, sum) =>
            Gen.Select(Values(batch ? [rows, c] : [c]), Gen.Int[0, c - 1].Array[batch ? rows : 1], (logits, labels) =>
                new Case(n => Losses.CrossEntropy(n[0], Node.Constant(new Tensor(batch ? [rows] : [], [.. labels.Select(l => (double)l)])), sum ? Reduction.Sum : Reduction.Mean), logits))),
        ["hinge"] = Gen.Select(Gen.Int[1, 4], Gen.Int[2, 5], Gen.Bool, Gen.Bool).SelectMany((rows, c, batch, sum) =>
            Gen.Select(Distinct(batch ? [rows, c] : [c], 0.13), Gen.Int[0, c - 1].Array[batch ? rows : 1], (scores, labels) =>
                new Case(n => Losses.Hinge(n[0], Node.Constant(new Tensor(batch ? [rows] : [], [.. labels.Select(l => (double)l)])), sum ? Reduction.Sum : Reduction.Mean), scores))),
        ["bce"] = Gen.Bool.SelectMany(sum => AnyShape.SelectMany(s => Gen.Select(Values(s, 0.4), Gen.Int[0, 1].Array[Tensor.Numel(s)], (p, t) =>
            new Case(n => Losses.Bce(n[0], n[1], sum ? Reduction.Sum : Reduction.Mean), p.Map(v => v + 0.5), new Tensor(s, [.. t.Select(v => (double)v)]))))),
        ["index"] = Indexing(),
        ["embedding"] = Gen.Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[0, 2]).SelectMany((num, dim, rank) =>
            Gen.Select(Values([num, dim]), Gen.Int[0, num - 1].Array[rank == 0 ? 1 : 3], (w, idx) =>
                new Case(n => Ops.Embedding(n[0], Node.Constant(new Tensor(rank == 0 ? [] : rank == 1 ? [3] : [3, 1], [.. idx.Select(i => (double)i)]))), w))),
        ["concat"] = Joined(stack: false),
        ["stack"] = Joined(stack: true),
        ["permute"] = Gen.Int[1, 4].SelectMany(rank => Gen.Select(Gen.Int[1, 3].Array[rank], Gen.Double.Unit.Array[rank]).SelectMany((shape, keys) =>
        {
            var dims = Enumerable.Range(0, rank).OrderBy(k => keys[k]).ToArray();
            return Values(shape).Select(x => new Case(n => Ops.Permute(n[0], dims), x));
        })),
        ["transpose-axes"] = Gen.Int[1, 4].SelectMany(rank => Gen.Select(Gen.Int[1, 3].Array[rank], Gen.Int[-rank, rank - 1], Gen.Int[-rank, rank - 1]).SelectMany((shape, a, b) =>
            Values(shape).Select(x => new Case(n => Ops.Transpose(n[0], a, b), x)))),
        ["clamp-tensors"] = AnyShape.SelectMany(s => Gen.Select(Values(s), Gen.Double[0.2, 1.5].Array[2 * Tensor.Numel(s)], Gen.Bool.Array[2 * Tensor.Numel(s)], (x, gaps, below) =>
        {
            // min and max drawn on either side of x, each at least 0.2 from it and from each other:
            // where two meet the gradient switches sides (a kink), which finite differences cannot follow.
            var count = x.Count;
            var lo = x.Data.Select((v, i) => v + (below[i] ? -gaps[i] : gaps[i])).ToArray();
            var hi = x.Data.Select((v, i) => v + (below[count + i] ? -gaps[count + i] : gaps[count + i])).ToArray();
            for (var i = 0; i < count; i++)
            {
                hi[i] += Math.Abs(hi[i] - lo[i]) < 0.2 ? (below[count + i] ? -0.4 : 0.4) : 0;
            }

            return new Case(n => Ops.Clamp(n[0], n[1], n[2]), x, new Tensor(s, lo), new Tensor(s, hi));
        })),
        ["clip"] = Unary(s => Values(s).Select(t => t.Map(v => Math.Abs(v + 0.5) < 0.1 || Math.Abs(v - 0.7) < 0.1 ? v + 0.25 : v)), x => Ops.Clip(x, -0.5, 0.7)),
        ["onehot"] = Gen.Int[2, 4].SelectMany(classes => Gen.Select(Gen.Int[0, classes - 1].Array[3], Values([3, classes]), (idx, w) =>
            new Case(n => Ops.Mul(n[0], Ops.OneHot(Node.Constant(Tensor.Vector([.. idx.Select(i => (double)i)])), classes)), w))),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Gradients_agree_with_finite_differences(string operation) =>
        Cases[operation].Sample(c => GradientCheck.Assert(c.F, c.Inputs, seed: 1), iter: Iterations, threads: 1);

    /// <summary>
    /// Every operation twice through grad (PyTorch's create_graph=True): the gradient of a
    /// weighted sum of its first gradients agrees with finite differences of the first gradients.
    /// </summary>
    [Theory]
    [MemberData(nameof(Operations))]
    public void Second_gradients_agree_with_finite_differences_of_the_first(string operation) =>
        Cases[operation].Sample(c => SecondGradientCheck.Assert(c.F, c.Inputs, seed: 2), iter: Iterations, threads: 1);

    /// <summary>
    /// Each operation's first-order loop (<c>Backward(Tensor)</c>) and its backward written with the
    /// engine's operations (<c>Backward(Node)</c>) give the same gradients.
    /// </summary>
    [Theory]
    [MemberData(nameof(Operations))]
    public void The_first_order_loop_and_the_backward_graph_agree(string operation) =>
        Cases[operation].Sample(c =>
        {
            var leaves = c.Inputs.Select(Node.Leaf).ToArray();
            var y = c.F(leaves);
            var output = Ops.Sum(Ops.Mul(y, Node.Constant(Tensor.Full(y.Value.Shape, 1.25))));
            var loop = output.Gradients();
            var graph = output.GradientGraph();
            foreach (var leaf in leaves)
            {
                var expected = loop.TryGetValue(leaf, out var g) ? g.Data : new double[leaf.Value.Count];
                var actual = graph.TryGetValue(leaf, out var n) ? n.Value.Data : new double[leaf.Value.Count];
                Assert.Equal(expected.Length, actual.Length);
                for (var k = 0; k < expected.Length; k++)
                {
                    Assert.True(Math.Abs(expected[k] - actual[k]) <= 1e-12 * Math.Max(1, Math.Abs(expected[k])), $"element {k}: loop {expected[k]:R}, graph {actual[k]:R}");
                }
            }
        }, iter: 10, threads: 1);

    [Fact]
    public void Every_function_class_has_a_property()
    {
        var covered = string.Join(" ", Cases.Keys).Replace("_", "").Replace("-", "");
        var through = new Dictionary<string, string>
        {
            ["expand"] = "broadcast", ["reciprocal"] = "div", ["pool2d"] = "maxpool2d", ["where"] = "elu", ["gather"] = "avgpool2d",
            ["scatteradd"] = "maxpool2d", ["conv2dinputgrad"] = "conv2d", ["conv2dkernelgrad"] = "conv2d",
        };
        foreach (var name in typeof(Function).Assembly.GetTypes()
                     .Where(t => t.IsSubclassOf(typeof(Function)) && !t.IsAbstract)
                     .Select(t => t.Name.ToLowerInvariant()))
        {
            Assert.Contains(through.GetValueOrDefault(name, name), covered);
        }
    }

    /// <summary>A function of graph nodes and the values it is checked at.</summary>
    public sealed record Case(Func<Node[], Node> F, params Tensor[] Inputs)
    {
        /// <inheritdoc />
        public override string ToString() => string.Join(" ; ", Inputs.Select(t => t.ToString()));
    }

    private static Gen<Tensor> Values(int[] shape, double scale = 2) =>
        Gen.Double[-scale, scale].Array[Tensor.Numel(shape)].Select(d => new Tensor(shape, d));

    private static Gen<Tensor> Positive(int[] shape) =>
        Gen.Double[0.3, 2.3].Array[Tensor.Numel(shape)].Select(d => new Tensor(shape, d));

    private static Gen<Tensor> AwayFromZero(int[] shape) =>
        Gen.Select(Gen.Double[0.2, 1.2], Gen.Bool).Array[Tensor.Numel(shape)]
            .Select(d => new Tensor(shape, [.. d.Select(v => v.Item2 ? v.Item1 : -v.Item1)]));

    /// <summary>
    /// Values a fixed spacing apart in a generated order, so max and pooling see no ties;
    /// hinge uses 0.13, so that no two scores differ by exactly the margin 1 either.
    /// </summary>
    private static Gen<Tensor> Distinct(int[] shape) => Distinct(shape, 0.1);

    private static Gen<Tensor> Distinct(int[] shape, double spacing)
    {
        var n = Tensor.Numel(shape);
        return Gen.Double.Unit.Array[n].Select(keys =>
        {
            var order = Enumerable.Range(0, n).OrderBy(i => keys[i]).ToArray();
            var values = new double[n];
            for (var rank = 0; rank < n; rank++)
            {
                values[order[rank]] = spacing * (rank - (n / 2.0));
            }

            return new Tensor(shape, values);
        });
    }

    private static Gen<Case> Same(int count, Func<Node[], Node> f) =>
        AnyShape.SelectMany(s => Values(s).Array[count].Select(inputs => new Case(f, inputs)));

    private static Gen<Case> Unary(Func<int[], Gen<Tensor>> draw, Func<Node, Node> f) =>
        AnyShape.SelectMany(draw).Select(x => new Case(n => f(n[0]), x));

    /// <summary>Two shapes that broadcast by NumPy's rule: any shape, and one made from it by dropping leading axes and setting sizes to 1.</summary>
    private static Gen<(int[] A, int[] B)> Broadcastable() =>
        Gen.Int[1, 3].SelectMany(rank => Gen.Int[1, 3].Array[rank]).SelectMany(a =>
            Gen.Select(Gen.Int[0, a.Length], Gen.Bool.Array[a.Length], (drop, ones) =>
                (a, a.Skip(drop).Select((d, i) => ones[i + drop] ? 1 : d).ToArray())))
            .SelectMany(p => Gen.Bool.Select(swap => swap ? (p.Item2, p.a) : (p.a, p.Item2)));

    /// <summary>A reduction along a generated set of axes (or all), with or without keepdims.</summary>
    private static Gen<Case> Along(Func<Node, int[]?, bool, Node> reduce, bool atLeastTwo = false) => Along(s => Values(s), reduce, atLeastTwo);

    private static Gen<Case> AlongDistinct(Func<Node, int[], bool, Node> reduce) => Along(s => Distinct(s), (x, axes, keep) => reduce(x, axes ?? [0], keep), atLeastTwo: false);

    private static Gen<Case> Along(Func<int[], Gen<Tensor>> draw, Func<Node, int[]?, bool, Node> reduce, bool atLeastTwo) =>
        Gen.Int[1, 3].SelectMany(rank => Gen.Int[atLeastTwo ? 2 : 1, 3].Array[rank]).SelectMany(s =>
            Gen.Select(draw(s), Gen.Bool.Array[s.Length], Gen.Bool, Gen.Bool, (x, pick, keep, negative) =>
            {
                int[] axes = [.. Enumerable.Range(0, s.Length).Where(a => pick[a]).Select(a => negative ? a - s.Length : a)];
                return new Case(n => reduce(n[0], axes.Length == 0 ? null : axes, keep), x);
            }));

    private static Gen<Tensor> Matrix() => Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4]).SelectMany((m, k) => Values([m, k]));

    /// <summary>Conv2d over every form: plain (H, W) with (kH, kW), or channels, filters and an optional bias; any stride and padding that fit.</summary>
    private static Gen<Case> Conv() =>
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[0, 4]).SelectMany((c, kh, kw, stride, f, padding, extra) =>
        {
            var (h, w) = (Math.Max(1, kh - (2 * padding)) + extra, Math.Max(1, kw - (2 * padding)) + (extra / 2));
            padding = Math.Min(padding, Math.Min(Math.Max(kh - 1, h), Math.Max(kw - 1, w))); // the bound of Window: the input's length or the window less one
            if (c == 0)
            {
                return Gen.Select(Values([h, w]), Values([kh, kw]), (x, k) => new Case(n => Ops.Conv2d(n[0], n[1], null, stride, padding), x, k));
            }

            return Gen.Select(Values([c, h, w]), Values([f, c, kh, kw]), Values([f]), Gen.Bool, (x, k, b, bias) => bias
                ? new Case(n => Ops.Conv2d(n[0], n[1], n[2], stride, padding), x, k, b)
                : new Case(n => Ops.Conv2d(n[0], n[1], null, stride, padding), x, k));
        });

    /// <summary>
    /// x[…] with every kind of item on a tensor of rank 1 to 3: whole numbers (negative too),
    /// slices with any bounds (clamped as Python's) and steps, and index tensors that pair up
    /// (a tensor of one element broadcasts), with repeated indices.
    /// </summary>
    private static Gen<Case> Indexing() =>
        Gen.Int[1, 3].SelectMany(rank => Gen.Select(Gen.Int[1, 4].Array[rank], Gen.Int[0, 1000].Array[4 * rank], Gen.Int[1, 3], Gen.Int[0, rank]).SelectMany((shape, draws, length, count) =>
        {
            var items = new List<IndexItem>();
            for (var a = 0; a < count; a++)
            {
                var (n, d) = (shape[a], draws[(4 * a)..((4 * a) + 4)]);
                items.Add((d[0] % 3) switch
                {
                    0 => IndexItem.At((d[1] % (2 * n)) - n),
                    1 => IndexItem.Slice(d[1] % 4 == 0 ? null : (d[1] % (2 * n + 3)) - n - 1, d[2] % 4 == 0 ? null : (d[2] % (2 * n + 3)) - n - 1, 1 + (d[3] % 3)),
                    _ => IndexItem.Tensor(Node.Constant(d[3] % 4 == 0
                        ? Tensor.Vector((d[1] % (2 * n)) - n)
                        : Tensor.Vector([.. Enumerable.Range(0, length).Select(k => (double)(((d[1] + (k * d[2])) % (2 * n)) - n))]))),
                });
            }

            return Values(shape).Select(x => new Case(v => Ops.Index(v[0], [.. items]), x));
        }));

    /// <summary>Concat (sizes differing along the axis) or stack (one shape) of one to three tensors along any axis, negative too.</summary>
    private static Gen<Case> Joined(bool stack) =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[1, 3].Array[3]).SelectMany((rank, parts, along) =>
            Gen.Select(Gen.Int[1, 3].Array[rank], Gen.Int[stack ? -rank - 1 : -rank, rank - (stack ? 0 : 1)]).SelectMany((shape, axis) =>
            {
                var shapes = Enumerable.Range(0, parts).Select(i =>
                {
                    var s = (int[])shape.Clone();
                    if (!stack)
                    {
                        s[axis < 0 ? axis + rank : axis] = along[i];
                    }

                    return s;
                }).ToArray();
                var sizes = shapes.Select(Tensor.Numel).ToArray();
                return Values([sizes.Sum()]).Select(all => new Case(
                    n => stack ? Ops.Stack(n, axis) : Ops.Concat(n, axis),
                    [.. shapes.Select((s, i) => new Tensor(s, all.Data[sizes[..i].Sum()..(sizes[..i].Sum() + sizes[i])]))]));
            }));

    /// <summary>
    /// A side that fits a window spanning <paramref name="span"/> cells with padding up to
    /// <paramref name="padding"/> (cut to the bound of <see cref="Window"/>), plus extra cells.
    /// </summary>
    private static (int Side, int Padding) Fit(int span, int padding, int extra)
    {
        var side = Math.Max(1, span - (2 * padding)) + extra;
        return (side, Math.Min(padding, Math.Max(span - 1, side)));
    }

    /// <summary>
    /// Conv2d on a batch (N, C, H, W) with groups, and a stride, padding and dilation that differ
    /// between the axes (or padding="same"), with or without a bias.
    /// </summary>
    private static Gen<Case> BatchedConv() =>
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 3].Array[2], Gen.Int[1, 2].Array[2], Gen.Int[0, 2].Array[2], Gen.Int[1, 2].Array[2])
            .SelectMany((batch, groups, perGroup, filtersPerGroup, kernel, stride, pad, dilation) =>
            {
                var (h, ph) = Fit((dilation[0] * (kernel[0] - 1)) + 1, pad[0], 1);
                var (w, pw) = Fit((dilation[1] * (kernel[1] - 1)) + 1, pad[1], 2);
                var (c, f) = (groups * perGroup, groups * filtersPerGroup);
                // Stride 1 in both axes also tries PyTorch's padding="same" (one more after for an even span).
                var options = new ConvOptions(new Size2(stride[0], stride[1]), new Size2(ph, pw), new Size2(dilation[0], dilation[1]), groups)
                {
                    Same = stride[0] == 1 && stride[1] == 1 && pad[0] == 2,
                };
                return Gen.Select(Values([batch, c, h, w]), Values([f, perGroup, kernel[0], kernel[1]]), Values([f]), Gen.Bool, (x, k, b, bias) => bias
                    ? new Case(n => Ops.Conv2d(n[0], n[1], n[2], options), x, k, b)
                    : new Case(n => Ops.Conv2d(n[0], n[1], null, options), x, k));
            });

    /// <summary>Conv1d on (N, C, L) or (C, L), with stride, padding, dilation, groups and an optional bias.</summary>
    private static Gen<Case> Conv1d() =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 2], Gen.Int[1, 2])
            .SelectMany((batch, groups, perGroup, filtersPerGroup, kernel, stride, pad, dilation) =>
            {
                var (l, padding) = Fit((dilation * (kernel - 1)) + 1, pad, 2);
                var (c, f) = (groups * perGroup, groups * filtersPerGroup);
                int[] shape = batch == 0 ? [c, l] : [batch, c, l];
                return Gen.Select(Values(shape), Values([f, perGroup, kernel]), Values([f]), Gen.Bool, (x, k, b, bias) => bias
                    ? new Case(n => Ops.Conv1d(n[0], n[1], n[2], stride, padding, dilation, groups), x, k, b)
                    : new Case(n => Ops.Conv1d(n[0], n[1], null, stride, padding, dilation, groups), x, k));
            });

    /// <summary>
    /// conv_transpose2d on (N, C_in, H, W) or (C_in, H, W) with kernels (C_in, C_out/groups, kH, kW):
    /// any stride, dilation and groups, an output padding below the stride or the dilation, and
    /// a padding that leaves an output.
    /// </summary>
    private static Gen<Case> ConvTranspose() =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 3].Array[2], Gen.Int[1, 3].Array[2], Gen.Int[0, 2].Array[2], Gen.Int[1, 2].Array[2])
            .SelectMany((batch, groups, perGroup, outPerGroup, kernel, stride, pad, dilation) =>
                Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 2].Array[2], Gen.Bool).SelectMany((h, w, extra, bias) =>
                {
                    int Padding(int axis, int side, int op) => Math.Min(pad[axis], (((side - 1) * stride[axis]) + (dilation[axis] * (kernel[axis] - 1)) + op) / 2);
                    var (oh, ow) = (extra[0] % Math.Max(stride[0], dilation[0]), extra[1] % Math.Max(stride[1], dilation[1]));
                    var options = new ConvOptions(new Size2(stride[0], stride[1]), new Size2(Padding(0, h, oh), Padding(1, w, ow)), new Size2(dilation[0], dilation[1]), groups);
                    var cin = groups * perGroup;
                    int[] shape = batch == 0 ? [cin, h, w] : [batch, cin, h, w];
                    return Gen.Select(Values(shape), Values([cin, outPerGroup, kernel[0], kernel[1]]), Values([groups * outPerGroup]), (x, k, b) => bias
                        ? new Case(n => Ops.ConvTranspose2d(n[0], n[1], n[2], options, new Size2(oh, ow)), x, k, b)
                        : new Case(n => Ops.ConvTranspose2d(n[0], n[1], null, options, new Size2(oh, ow)), x, k));
                }));

    /// <summary>Pooling of a batch (N, C, H, W) with a window, stride and padding that differ between the axes.</summary>
    private static Gen<Case> BatchedPool(Func<int[], Gen<Tensor>> draw, Func<Node, Size2, Size2, Size2, Node> pool) =>
        Gen.Select(Gen.Int[1, 2], Gen.Int[1, 2], Gen.Int[1, 3].Array[2], Gen.Int[1, 3].Array[2], Gen.Int[0, 1].Array[2], Gen.Int[0, 2].Array[2])
            .SelectMany((batch, channels, size, stride, pad, extra) =>
            {
                var padding = new Size2(Math.Min(pad[0], size[0] / 2), Math.Min(pad[1], size[1] / 2));
                return draw([batch, channels, size[0] + extra[0], size[1] + extra[1]])
                    .Select(x => new Case(n => pool(n[0], new Size2(size[0], size[1]), new Size2(stride[0], stride[1]), padding), x));
            });

    /// <summary>1-D pooling over (C, L) or (N, C, L): window 1..3, stride 1..3, padding up to half the window.</summary>
    private static Gen<Case> Pool1d(Func<int[], Gen<Tensor>> draw, Func<Node, int, int, int, Node> pool) =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 2]).SelectMany((size, stride, pad, extra, batch) =>
        {
            int[] shape = batch == 0 ? [2, size + extra] : [batch, 2, size + extra];
            return draw(shape).Select(x => new Case(n => pool(n[0], size, stride, Math.Min(pad, size / 2)), x));
        });

    /// <summary>Pooling with any window 1..3, stride 1..3 and padding up to half the window, over (H, W) or (C, H, W).</summary>
    private static Gen<Case> Pool(Func<int[], Gen<Tensor>> draw, Func<Node, int, int, int, Node> pool) =>
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 2]).SelectMany((size, stride, pad, extra, channels) =>
        {
            var padding = Math.Min(pad, size / 2);
            int[] shape = channels == 0 ? [size + extra, size + (extra / 2)] : [channels, size + extra, size];
            return draw(shape).Select(x => new Case(n => pool(n[0], size, stride, padding), x));
        });
}
