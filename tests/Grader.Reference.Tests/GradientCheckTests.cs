using Grader.Reference;

namespace Grader.Reference.Tests;

/// <summary>
/// Every operation's gradient agrees with central finite differences on random shapes and
/// values. Inputs are drawn away from kinks (ReLU at 0, ties in max) where no derivative exists.
/// </summary>
public class GradientCheckTests
{
    private const int Trials = 4;

    public static TheoryData<string> Operations => [.. Cases.Keys];

    private static readonly Dictionary<string, Func<Random, (Func<Node[], Node> F, Tensor[] Inputs)>> Cases = new()
    {
        ["add"] = r => Same(r, 2, n => Ops.Add(n[0], n[1])),
        ["sub"] = r => Same(r, 2, n => Ops.Sub(n[0], n[1])),
        ["mul"] = r => Same(r, 2, n => Ops.Mul(n[0], n[1])),
        ["div"] = r => { var s = Shape(r); return (n => Ops.Div(n[0], n[1]), [Values(r, s), AwayFromZero(r, s)]); },
        ["pow"] = r => { var s = Shape(r); return (n => Ops.Pow(n[0], n[1]), [Positive(r, s), Values(r, s)]); },
        ["pow-scalar-exponent"] = r => { var s = Shape(r); return (n => Ops.Pow(n[0], n[1]), [Positive(r, s), Tensor.Scalar(2.5)]); },
        ["broadcast-scalar"] = r => { var s = Shape(r); return (n => Ops.Mul(n[0], n[1]), [Tensor.Scalar(r.NextDouble() + 0.5), Values(r, s)]); },
        ["batched-matmul"] = r => (n => Ops.MatMul(n[0], n[1]), [Values(r, [2, 3, 4]), Values(r, [4, 2])]),
        ["gelu"] = r => Same(r, 1, n => Ops.Gelu(n[0])),
        ["softplus"] = r => Same(r, 1, n => Ops.Softplus(n[0], 1.5)),
        ["neg"] = r => Same(r, 1, n => Ops.Neg(n[0])),
        ["exp"] = r => Same(r, 1, n => Ops.Exp(n[0])),
        ["log"] = r => Unary(r, Ops.Log, Positive),
        ["sin"] = r => Same(r, 1, n => Ops.Sin(n[0])),
        ["cos"] = r => Same(r, 1, n => Ops.Cos(n[0])),
        ["tan"] = r => Unary(r, Ops.Tan, (rr, s) => Scaled(rr, s, 1.2)),
        ["sqrt"] = r => Unary(r, Ops.Sqrt, Positive),
        ["abs"] = r => Unary(r, Ops.Abs, AwayFromZero),
        ["tanh"] = r => Same(r, 1, n => Ops.Tanh(n[0])),
        ["sigmoid"] = r => Same(r, 1, n => Ops.Sigmoid(n[0])),
        ["relu"] = r => Unary(r, Ops.Relu, AwayFromZero),
        ["leaky_relu"] = r => Unary(r, x => Ops.LeakyRelu(x, 0.1), AwayFromZero),
        ["elu"] = r => Unary(r, x => Ops.Elu(x, 1.5), AwayFromZero),
        ["softmax"] = r => Same(r, 1, n => Ops.Softmax(n[0])),
        ["log_softmax"] = r => Same(r, 1, n => Ops.LogSoftmax(n[0])),
        ["maximum"] = r =>
        {
            var s = Shape(r);
            var a = Values(r, s);
            var b = a.Zip(AwayFromZero(r, s), (x, d) => x + d);
            return (n => Ops.Maximum(n[0], n[1]), [a, b]);
        },
        ["binary_cross_entropy"] = r =>
        {
            var s = Shape(r);
            return (n => Losses.Bce(n[0], n[1]), [Scaled(r, s, 0.45).Map(v => v + 0.5), Scaled(r, s, 0.5).Map(v => v + 0.5)]);
        },
        ["sum"] = r => Same(r, 1, n => Ops.Sum(n[0])),
        ["mean"] = r => Same(r, 1, n => Ops.Mean(n[0])),
        ["max"] = r => Unary(r, Ops.Max, Distinct),
        ["reshape"] = r => { var s = Shape(r); return (n => Ops.Reshape(n[0], [n[0].Value.Count]), [Values(r, s)]); },
        ["flatten"] = r => Same(r, 1, n => Ops.Flatten(n[0])),
        ["transpose"] = r => Matrices(r, (m, k) => ([m, k], [0]), n => Ops.Transpose(n[0])),
        ["flip"] = r => Matrices(r, (m, k) => ([m, k + 1], [0]), n => Ops.Flip(n[0])),
        ["matmul-matrix-matrix"] = r => Matrices(r, (m, k) => ([m, k], [k, m + 1]), n => Ops.MatMul(n[0], n[1])),
        ["matmul-matrix-vector"] = r => Matrices(r, (m, k) => ([m, k], [k]), n => Ops.MatMul(n[0], n[1])),
        ["matmul-vector-matrix"] = r => Matrices(r, (m, k) => ([m], [m, k]), n => Ops.MatMul(n[0], n[1])),
        ["matmul-vector-vector"] = r => Matrices(r, (m, k) => ([m], [m]), n => Ops.MatMul(n[0], n[1])),
        ["dot"] = r => Matrices(r, (m, k) => ([k], [k]), n => Ops.Dot(n[0], n[1])),
        ["outer"] = r => Matrices(r, (m, k) => ([m], [k]), n => Ops.Outer(n[0], n[1])),
        ["norm"] = r => Same(r, 1, n => Ops.Norm(n[0])),
        ["conv2d-plain"] = r => Conv(r, channels: 0, bias: false, stride: 1, padding: 0),
        ["conv2d-channels-bias"] = r => Conv(r, channels: 2, bias: true, stride: 1, padding: 0),
        ["conv2d-stride-padding"] = r => Conv(r, channels: 3, bias: true, stride: 2, padding: 1),
        ["conv2d-batched-groups-dilation"] = r =>
        {
            var (n, groups, f) = (r.Next(1, 3), 2, 2 * r.Next(1, 3));
            var options = new ConvOptions(new Size2(2, 1), new Size2(1, 0), new Size2(1, 2), groups);
            return (x => Ops.Conv2d(x[0], x[1], x[2], options), [Values(r, [n, 4, r.Next(3, 6), r.Next(5, 7)]), Values(r, [f, 2, 2, 2]), Values(r, [f])]);
        },
        ["conv1d"] = r => (x => Ops.Conv1d(x[0], x[1], x[2], stride: 2, padding: 1, dilation: 2), [Values(r, [r.Next(1, 3), 2, r.Next(3, 7)]), Values(r, [3, 2, 2]), Values(r, [3])]),
        ["conv_transpose2d"] = r =>
        {
            var options = new ConvOptions(new Size2(2, 3), new Size2(1, 0), new Size2(1, 2), 1);
            return (x => Ops.ConvTranspose2d(x[0], x[1], x[2], options, new Size2(1, 0)), [Values(r, [r.Next(1, 3), 2, r.Next(1, 4), r.Next(1, 4)]), Values(r, [2, 3, 2, 2]), Values(r, [3])]);
        },
        ["maxpool2d"] = r => Pool(r, (x, s) => Ops.MaxPool2d(x, s), Distinct),
        ["maxpool2d-stride1-padding"] = r => Pool(r, (x, s) => Ops.MaxPool2d(x, s, 1, 1), Distinct),
        ["avgpool2d"] = r => Pool(r, (x, s) => Ops.AvgPool2d(x, s), Values),
        ["avgpool2d-stride1-padding"] = r => Pool(r, (x, s) => Ops.AvgPool2d(x, s, 1, 1), Values),
        ["maxpool2d-batched"] = r => (x => Ops.MaxPool2d(x[0], new Size2(2, 3), new Size2(1, 2), new Size2(1, 0)), [Distinct(r, [2, 2, r.Next(2, 5), r.Next(3, 6)])]),
        ["maxpool1d"] = r => (x => Ops.MaxPool1d(x[0], 2, 1, 1), [Distinct(r, [r.Next(1, 3), 2, r.Next(2, 6)])]),
        ["avgpool1d"] = r => (x => Ops.AvgPool1d(x[0], 3, 2, 1), [Values(r, [2, r.Next(3, 7)])]),
        ["upsample"] = r => (x => Ops.Upsample(x[0], new Size2(2, 3)), [Values(r, [r.Next(1, 3), 2, r.Next(1, 3), r.Next(1, 4)])]),
        ["mse"] = r => Same(r, 2, n => Losses.Mse(n[0], n[1])),
        ["sse"] = r => Same(r, 2, n => Losses.Sse(n[0], n[1])),
        ["cross_entropy-one-hot"] = r =>
        {
            var c = r.Next(2, 6);
            var t = Tensor.Zeros([c]);
            t.Data[r.Next(c)] = 1;
            return (n => Losses.CrossEntropy(n[0], Node.Constant(t)), [Values(r, [c])]);
        },
        ["cross_entropy-index-batch"] = r =>
        {
            var (rows, c) = (r.Next(1, 4), r.Next(2, 5));
            var t = new Tensor([rows], [.. Enumerable.Range(0, rows).Select(_ => (double)r.Next(c))]);
            return (n => Losses.CrossEntropy(n[0], Node.Constant(t)), [Values(r, [rows, c])]);
        },
        ["hinge"] = r =>
        {
            var c = r.Next(2, 6);
            var label = Tensor.Scalar(r.Next(c));
            return (n => Losses.Hinge(n[0], Node.Constant(label)), [Distinct(r, [c])]);
        },
        ["bce"] = r =>
        {
            var s = Shape(r);
            var p = new Tensor(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => 0.1 + (0.8 * r.NextDouble()))]);
            var t = new Tensor(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => (double)r.Next(2))]);
            return (n => Losses.Bce(n[0], n[1]), [p, t]);
        },
        ["index-lists-and-slices"] = r =>
            (n => Ops.Index(n[0], IndexItem.Tensor(Node.Constant(Tensor.Vector(2, 0, -1))), IndexItem.Slice(1, null, 2)), [Values(r, [3, 4])]),
        ["concat"] = r => (n => Ops.Concat(n, 1), [Values(r, [2, 3]), Values(r, [2, 1])]),
        ["permute"] = r => (n => Ops.Permute(n[0], [2, 0, 1]), [Values(r, [2, 3, 4])]),
        ["clip"] = r => Unary(r, x => Ops.Clip(x, -0.5, 0.7), AwayFromZero),
        ["onehot"] = r => (n => Ops.Mul(n[0], Ops.OneHot(Node.Constant(Tensor.Vector(1, 0, 1)), 2)), [Values(r, [3, 2])]),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Gradient_matches_central_differences(string operation)
    {
        for (var trial = 0; trial < Trials; trial++)
        {
            var seed = (operation.GetHashCode(StringComparison.Ordinal) & 0xffff) + trial;
            var (f, inputs) = Cases[operation](new Random(seed));
            GradientCheck.Assert(f, inputs, seed);
        }
    }

    [Fact]
    public void Every_function_class_has_a_gradient_check()
    {
        var functions = typeof(Function).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Function)) && !t.IsAbstract)
            .Select(t => t.Name.ToLowerInvariant());
        var covered = string.Join(" ", Cases.Keys).Replace("_", "").Replace("-", "");
        var extra = new Dictionary<string, string>
        {
            ["expand"] = "broadcast", ["reciprocal"] = "div", ["where"] = "elu", ["gather"] = "avgpool", ["scatteradd"] = "maxpool",
            ["conv2dinputgrad"] = "conv", ["conv2dkernelgrad"] = "conv", ["erf"] = "gelu", ["softplus"] = "softplus",
        };
        foreach (var name in functions)
        {
            Assert.Contains(extra.GetValueOrDefault(name, name), covered);
        }
    }

    private static int[] Shape(Random r) => r.Next(3) switch
    {
        0 => [],
        1 => [r.Next(1, 5)],
        _ => [r.Next(1, 4), r.Next(1, 4)],
    };

    private static Tensor Values(Random r, int[] s) => Scaled(r, s, 2);

    private static Tensor Scaled(Random r, int[] s, double scale) =>
        new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => ((2 * r.NextDouble()) - 1) * scale)]);

    private static Tensor Positive(Random r, int[] s) =>
        new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => 0.3 + (2 * r.NextDouble()))]);

    private static Tensor AwayFromZero(Random r, int[] s) =>
        new(s, [.. Enumerable.Range(0, Tensor.Numel(s)).Select(_ => (r.Next(2) == 0 ? -1 : 1) * (0.2 + r.NextDouble()))]);

    /// <summary>Values spaced at least 0.1 apart, in random order, so max and pooling have no ties.</summary>
    private static Tensor Distinct(Random r, int[] s)
    {
        var n = Tensor.Numel(s);
        var values = Enumerable.Range(0, n).Select(i => (0.1 * i) - (0.05 * n)).OrderBy(_ => r.Next()).ToArray();
        return new Tensor(s, values);
    }

    private static (Func<Node[], Node>, Tensor[]) Same(Random r, int count, Func<Node[], Node> f)
    {
        var s = Shape(r);
        return (f, [.. Enumerable.Range(0, count).Select(_ => Values(r, s))]);
    }

    private static (Func<Node[], Node>, Tensor[]) Unary(Random r, Func<Node, Node> f, Func<Random, int[], Tensor> draw) =>
        (n => f(n[0]), [draw(r, Shape(r))]);

    private static (Func<Node[], Node>, Tensor[]) Matrices(Random r, Func<int, int, (int[] A, int[] B)> shapes, Func<Node[], Node> f)
    {
        var (a, b) = shapes(r.Next(1, 4), r.Next(1, 4));
        return b is [0] ? (f, [Values(r, a)]) : (f, [Values(r, a), Values(r, b)]);
    }

    private static (Func<Node[], Node>, Tensor[]) Conv(Random r, int channels, bool bias, int stride, int padding)
    {
        var (kh, kw) = (r.Next(1, 4), r.Next(1, 4));
        var (h, w) = (kh + r.Next(0, 4), kw + r.Next(0, 4));
        if (channels == 0)
        {
            return (n => Ops.Conv2d(n[0], n[1]), [Values(r, [h, w]), Values(r, [kh, kw])]);
        }

        var f = r.Next(1, 4);
        Tensor[] inputs = bias
            ? [Values(r, [channels, h, w]), Values(r, [f, channels, kh, kw]), Values(r, [f])]
            : [Values(r, [channels, h, w]), Values(r, [f, channels, kh, kw])];
        return (n => Ops.Conv2d(n[0], n[1], bias ? n[2] : null, stride, padding), inputs);
    }

    private static (Func<Node[], Node>, Tensor[]) Pool(Random r, Func<Node, int, Node> pool, Func<Random, int[], Tensor> draw)
    {
        var size = r.Next(2, 4);
        int[] shape = r.Next(2) == 0 ? [size + r.Next(0, 4), size + r.Next(0, 4)] : [r.Next(1, 3), size + r.Next(0, 4), size + r.Next(0, 4)];
        return (n => pool(n[0], size), [draw(r, shape)]);
    }
}
