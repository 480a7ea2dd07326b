using Grader.Domain.Networks;
using Grader.Domain.Yaml;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>
/// Reads a layer stack: <c>{ input: [1, 32, 32], layers: [conv2d: {...}, relu, maxpool2d: {...}, flatten, dense: 120] }</c>
/// (also conv1d, conv_transpose2d, maxpool1d and avgpool1d; kernel, stride and padding of the 2-D layers a number or [h, w],
/// a convolution's padding also same or valid, as PyTorch's),
/// checking that every layer fits the shape it receives.
/// </summary>
public static class NetworkReader
{
    private static readonly string[] ConvKeys = ["filters", "kernel", "stride", "padding", "bias"];
    private static readonly string[] Conv2dKeys = [.. ConvKeys, "dilation", "groups"];
    private static readonly string[] TransposedKeys = ["filters", "kernel", "stride", "padding", "output_padding", "bias"];
    private static readonly string[] PoolKeys = ["size", "stride", "padding"];
    private static readonly string[] WithSettings = ["dense", "conv2d", "conv1d", "conv_transpose2d", "maxpool2d", "avgpool2d", "maxpool1d", "avgpool1d", "dropout", "embedding"];
    private static readonly string[] DenseKeys = ["units", "bias"];
    private static readonly string[] EmbeddingKeys = ["num", "dim"];

    /// <summary>The network, or null (reported).</summary>
    public static Network? Read(string name, YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m)
        {
            bag.Report(node, $"network {name} must be a mapping with input and layers");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, ["input", "layers"], bag, $"network {name}");
        int[]? input = null;
        if (m["input"] is not { } inputNode)
        {
            bag.Report(m, $"network {name} needs an input shape, e.g. input: [1, 32, 32]");
        }
        else if (YamlValues.Constant(inputNode, bag) is { } t)
        {
            if (t.Rank != 1 || t.Count is 0 or > 4 || t.Data.Any(v => v < 1 || v != Math.Floor(v) || v > 1e6))
            {
                bag.Report(inputNode, "input must be a list of 1 to 4 whole sizes, e.g. [1, 32, 32]");
            }
            else
            {
                input = [.. t.Data.Select(v => (int)v)];
            }
        }

        var layers = new List<Layer>();
        var positions = new List<YNode>();
        if (m["layers"] is not YSequence seq)
        {
            bag.Report(m["layers"] ?? m, $"network {name} needs a list of layers");
        }
        else
        {
            foreach (var item in seq.Items)
            {
                if (ReadLayer(item, bag) is { } layer)
                {
                    layers.Add(layer);
                    positions.Add(item);
                }
            }
        }

        if (bag.Items.Count != before || input is null)
        {
            return null;
        }

        var shape = input;
        for (var i = 0; i < layers.Count; i++)
        {
            try
            {
                shape = layers[i].OutputShape(shape);
                _ = layers[i].Parameters(shape);
            }
            catch (Exception ex) when (ex is ArchitectureException or OverflowException)
            {
                bag.Report(positions[i], $"network {name}, layer {i + 1} ({layers[i].Describe()}): {ex.Message}");
                return null;
            }
        }

        return new Network(name, input, layers);
    }

    private static Layer? ReadLayer(YNode item, DiagnosticBag bag)
    {
        if (item is YScalar s)
        {
            if (s.Value == "flatten")
            {
                return new FlattenLayer();
            }

            if (s.Value is "batchnorm" or "layernorm")
            {
                return new NormalizationLayer(s.Value);
            }

            if (ActivationLayer.Known.Contains(s.Value))
            {
                return new ActivationLayer(s.Value);
            }

            bag.Report(s, $"unknown layer '{YamlValues.Shorten(s.Value)}'{DidYouMean.Hint(s.Value, [.. WithSettings, "flatten", "batchnorm", "layernorm", .. ActivationLayer.Known])} (layers: {string.Join(", ", WithSettings)}, flatten, batchnorm, layernorm, {string.Join(", ", ActivationLayer.Known)})");
            return null;
        }

        if (item is not YMapping { Entries.Count: 1 } m)
        {
            bag.Report(item, "a layer is a name (relu, flatten) or one key with its settings (dense: 120)");
            return null;
        }

        var (kind, settings) = (m.Entries[0].Key, m.Entries[0].Value);
        return kind.Value switch
        {
            "dense" => ReadDense(settings, bag),
            "conv2d" => ReadConv(settings, bag),
            "conv1d" => ReadConv1d(settings, bag),
            "conv_transpose2d" => ReadTransposed(settings, bag),
            "maxpool2d" or "avgpool2d" => ReadPool(kind.Value, settings, bag),
            "dropout" => ReadDropout(settings, bag),
            "embedding" => ReadEmbedding(settings, bag),
            "maxpool1d" or "avgpool1d" => ReadPool1d(kind.Value, settings, bag),
            _ => Unknown(kind, bag),
        };
    }

    private static Layer? Unknown(YScalar kind, DiagnosticBag bag)
    {
        bag.Report(kind, $"unknown layer '{YamlValues.Shorten(kind.Value)}'{DidYouMean.Hint(kind.Value, WithSettings)} (layers with settings: {string.Join(", ", WithSettings)})");
        return null;
    }

    private static DenseLayer? ReadDense(YNode node, DiagnosticBag bag)
    {
        if (node is YScalar)
        {
            return YamlValues.Whole(node, bag, "dense units", 1, 1_000_000) is { } n ? new DenseLayer(n) : null;
        }

        if (node is not YMapping m || m["units"] is not { } units)
        {
            bag.Report(node, "dense needs a number of units: dense: 120 or dense: { units: 120, bias: false }");
            return null;
        }

        AssignmentLoader.CheckKeys(m, DenseKeys, bag, "dense");
        var n2 = YamlValues.Whole(units, bag, "dense units", 1, 1_000_000);
        var bias = m["bias"] is { } b ? YamlValues.Bool(b, bag, "bias") : true;
        return n2 is { } u && bias is { } hasBias ? new DenseLayer(u, hasBias) : null;
    }

    private static DropoutLayer? ReadDropout(YNode node, DiagnosticBag bag)
    {
        var p = node is YMapping m && m["p"] is { } given ? given : node;
        if (node is YMapping mapping)
        {
            AssignmentLoader.CheckKeys(mapping, ["p"], bag, "dropout");
        }

        if (p is YScalar s && double.TryParse(s.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1)
        {
            return new DropoutLayer(v);
        }

        bag.Report(node, "dropout needs a probability from 0 to 1: dropout: { p: 0.5 }");
        return null;
    }

    private static EmbeddingLayer? ReadEmbedding(YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m || m["num"] is null || m["dim"] is null)
        {
            RequiredMissing(node, EmbeddingKeys, bag, "embedding");
            bag.Report(node, "embedding needs { num: rows, dim: columns }");
            return null;
        }

        AssignmentLoader.CheckKeys(m, EmbeddingKeys, bag, "embedding");
        var num = YamlValues.Whole(m["num"]!, bag, "embedding num", 1, 10_000_000);
        var dim = YamlValues.Whole(m["dim"]!, bag, "embedding dim", 1, 100_000);
        return num is { } n && dim is { } d ? new EmbeddingLayer(n, d) : null;
    }

    private static Conv2dLayer? ReadConv(YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m || m["filters"] is null || m["kernel"] is null)
        {
            RequiredMissing(node, Conv2dKeys, bag, "conv2d");
            bag.Report(node, "conv2d needs { filters: n, kernel: k } (and optionally stride, padding, dilation, groups, bias; kernel, stride, padding and dilation a number or [h, w])");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, Conv2dKeys, bag, "conv2d");
        var filters = YamlValues.Whole(m["filters"]!, bag, "filters", 1, 100_000);
        var kernel = ReadPair(m["kernel"]!, bag, "kernel", 1);
        var stride = m["stride"] is { } s ? ReadPair(s, bag, "stride", 1) : 1;
        var word = PaddingWord(m, stride == new Size2(1, 1), bag, "conv2d");
        var padding = word is null && m["padding"] is { } p ? ReadPair(p, bag, "padding", 0) : 0;
        var dilation = m["dilation"] is { } d ? ReadPair(d, bag, "dilation", 1) : 1;
        var groups = m["groups"] is { } g ? YamlValues.Whole(g, bag, "groups", 1, 100_000) : 1;
        var bias = m["bias"] is { } b ? YamlValues.Bool(b, bag, "bias") : true;
        return bag.Items.Count == before
            ? new Conv2dLayer(filters!.Value, kernel.H, kernel.W, stride, padding, bias!.Value) { Dilation = dilation, Groups = groups!.Value, Same = word == "same" }
            : null;
    }

    private static Conv1dLayer? ReadConv1d(YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m || m["filters"] is null || m["kernel"] is null)
        {
            RequiredMissing(node, ConvKeys, bag, "conv1d");
            bag.Report(node, "conv1d needs { filters: n, kernel: k } (and optionally stride, padding, bias)");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, ConvKeys, bag, "conv1d");
        var filters = YamlValues.Whole(m["filters"]!, bag, "filters", 1, 100_000);
        var kernel = YamlValues.Whole(m["kernel"]!, bag, "kernel", 1, 10_000);
        var stride = m["stride"] is { } s ? YamlValues.Whole(s, bag, "stride", 1, 10_000) : 1;
        var word = PaddingWord(m, stride == 1, bag, "conv1d");
        var padding = word is null && m["padding"] is { } p ? YamlValues.Whole(p, bag, "padding", 0, 10_000) : 0;
        var bias = m["bias"] is { } b ? YamlValues.Bool(b, bag, "bias") : true;
        return bag.Items.Count == before
            ? new Conv1dLayer(filters!.Value, kernel!.Value, stride!.Value, padding!.Value, bias!.Value) { Same = word == "same" }
            : null;
    }

    private static ConvTranspose2dLayer? ReadTransposed(YNode node, DiagnosticBag bag)
    {
        if (node is not YMapping m || m["filters"] is null || m["kernel"] is null)
        {
            RequiredMissing(node, TransposedKeys, bag, "conv_transpose2d");
            bag.Report(node, "conv_transpose2d needs { filters: n, kernel: k } (and optionally stride, padding, output_padding, bias; each a number or [h, w])");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, TransposedKeys, bag, "conv_transpose2d");
        var filters = YamlValues.Whole(m["filters"]!, bag, "filters", 1, 100_000);
        var kernel = ReadPair(m["kernel"]!, bag, "kernel", 1);
        var stride = m["stride"] is { } s ? ReadPair(s, bag, "stride", 1) : 1;
        var padding = m["padding"] is { } p ? ReadPair(p, bag, "padding", 0) : 0;
        var outputPadding = m["output_padding"] is { } o ? ReadPair(o, bag, "output_padding", 0) : 0;
        var bias = m["bias"] is { } b ? YamlValues.Bool(b, bag, "bias") : true;
        return bag.Items.Count == before
            ? new ConvTranspose2dLayer(filters!.Value, kernel.H, kernel.W, stride, padding, outputPadding, bias!.Value)
            : null;
    }

    /// <summary>
    /// PyTorch's <c>padding='same'</c> (the output the input's size; stride 1 only, as PyTorch's
    /// Conv2d and Conv1d refuse it for strided convolutions) or <c>'valid'</c> (no padding) of a
    /// convolution layer, or null when the padding is not a word.
    /// </summary>
    private static string? PaddingWord(YMapping m, bool unitStride, DiagnosticBag bag, string kind)
    {
        if (m["padding"] is not YScalar { Value: "same" or "valid" } word)
        {
            return null;
        }

        if (word.Value == "same" && !unitStride)
        {
            bag.Report(word, $"{kind}: padding: same needs stride 1, as in PyTorch");
        }

        return word.Value;
    }

    /// <summary>A setting per axis: one whole number for both, or [h, w] (reported, and 1 in its place, when wrong).</summary>
    private static Size2 ReadPair(YNode node, DiagnosticBag bag, string what, int min)
    {
        if (node is YSequence { Items.Count: 2 } pair)
        {
            return new Size2(YamlValues.Whole(pair.Items[0], bag, what + " height", min, 10_000) ?? 1,
                             YamlValues.Whole(pair.Items[1], bag, what + " width", min, 10_000) ?? 1);
        }

        if (node is YSequence)
        {
            bag.Report(node, $"{what} is a whole number or a list [h, w] of two");
            return 1;
        }

        return YamlValues.Whole(node, bag, what, min, 10_000) ?? 1;
    }

    private static Pool2dLayer? ReadPool(string kind, YNode node, DiagnosticBag bag)
    {
        if (node is YScalar)
        {
            return YamlValues.Whole(node, bag, $"{kind} size", 1, 10_000) is { } n ? new Pool2dLayer(kind, n, n, 0) : null;
        }

        if (node is not YMapping m || m["size"] is null)
        {
            RequiredMissing(node, PoolKeys, bag, kind);
            bag.Report(node, $"{kind} needs {{ size: n }} (and optionally stride, padding; each a number or [h, w])");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, PoolKeys, bag, kind);
        var size = ReadPair(m["size"]!, bag, "size", 1);
        var stride = m["stride"] is { } s ? ReadPair(s, bag, "stride", 1) : size;
        var padding = m["padding"] is { } p ? ReadPair(p, bag, "padding", 0) : 0;
        return bag.Items.Count == before ? new Pool2dLayer(kind, size, stride, padding) : null;
    }

    private static Pool1dLayer? ReadPool1d(string kind, YNode node, DiagnosticBag bag)
    {
        if (node is YScalar)
        {
            return YamlValues.Whole(node, bag, $"{kind} size", 1, 10_000) is { } n ? new Pool1dLayer(kind, n, n, 0) : null;
        }

        if (node is not YMapping m || m["size"] is null)
        {
            bag.Report(node, $"{kind} needs {{ size: n }} (and optionally stride, padding)");
            return null;
        }

        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, PoolKeys, bag, kind);
        var size = YamlValues.Whole(m["size"]!, bag, "size", 1, 10_000);
        var stride = m["stride"] is { } s ? YamlValues.Whole(s, bag, "stride", 1, 10_000) : size;
        var padding = m["padding"] is { } p ? YamlValues.Whole(p, bag, "padding", 0, 10_000) : 0;
        return bag.Items.Count == before ? new Pool1dLayer(kind, size!.Value, stride!.Value, padding!.Value) : null;
    }

    /// <summary>
    /// Before a layer's "needs" message: its misspelt keys named with a did-you-mean (kernal: kernel),
    /// so the author learns why the required one was not found.
    /// </summary>
    private static void RequiredMissing(YNode node, string[] keys, DiagnosticBag bag, string kind)
    {
        if (node is YMapping m)
        {
            AssignmentLoader.CheckKeys(m, keys, bag, kind);
        }
    }
}
