using Grader.Domain.Yaml;
using Grader.Reference;

namespace Grader.Domain.Assignments;

/// <summary>Reads a random value: <c>{ uniform|integers|normal|choice: [...], shape: [...], decimals: n }</c>.</summary>
public static class RandomSpecReader
{
    private static readonly string[] Kinds = ["uniform", "integers", "normal", "choice"];
    private static readonly string[] Keys = [.. Kinds, "shape", "decimals"];

    /// <summary>The spec, or null (reported).</summary>
    public static RandomValue? Read(YMapping m, DiagnosticBag bag)
    {
        var before = bag.Items.Count;
        AssignmentLoader.CheckKeys(m, Keys, bag, "a random value");
        var kinds = m.Entries.Where(e => Kinds.Contains(e.Key.Value)).ToList();
        if (kinds.Count != 1)
        {
            bag.Report(m, "a random value needs exactly one of uniform: [lo, hi], integers: [lo, hi], normal: [mean, std], choice: [a, b, ...]");
            return null;
        }

        var (kindKey, argsNode) = (kinds[0].Key.Value, kinds[0].Value);
        var kind = Enum.Parse<RandomKind>(kindKey, ignoreCase: true);
        var args = YamlValues.Constant(argsNode, bag);
        if (args is null)
        {
            return null;
        }

        var p = args.Data;
        switch (kind)
        {
            case RandomKind.Uniform when args.Rank != 1 || p.Length != 2 || p[0] > p[1]:
                bag.Report(argsNode, "uniform needs [lo, hi] with lo <= hi");
                break;
            case RandomKind.Integers when args.Rank != 1 || p.Length != 2 || p.Any(v => v != Math.Floor(v) || Math.Abs(v) > 1e9) || p[0] > p[1]:
                bag.Report(argsNode, "integers needs [lo, hi]: whole numbers with lo <= hi");
                break;
            case RandomKind.Normal when args.Rank != 1 || p.Length != 2 || p[1] < 0:
                bag.Report(argsNode, "normal needs [mean, std] with std >= 0");
                break;
            case RandomKind.Choice when args.Rank != 1 || p.Length == 0:
                bag.Report(argsNode, "choice needs a non-empty list of numbers");
                break;
        }

        var shape = m["shape"] is { } s ? ReadShape(s, bag) : [];
        int? decimals = null;
        if (m["decimals"] is { } d)
        {
            if (kind is RandomKind.Integers or RandomKind.Choice)
            {
                bag.Report(d, $"decimals applies to uniform and normal values, not {kindKey}");
            }

            decimals = YamlValues.Whole(d, bag, "decimals", 0, 15);
        }

        return bag.Items.Count == before && shape is not null ? new RandomValue(kind, p, shape, decimals) : null;
    }

    private static int[]? ReadShape(YNode node, DiagnosticBag bag)
    {
        var t = YamlValues.Constant(node, bag);
        if (t is null)
        {
            return null;
        }

        if (t.Rank != 1 || t.Count > Limits.MaxTensorRank || t.Data.Any(v => v < 1 || v != Math.Floor(v) || v > Limits.MaxTensorElements))
        {
            bag.Report(node, $"shape must be a list of at most {Limits.MaxTensorRank} whole sizes of at least 1");
            return null;
        }

        var shape = t.Data.Select(v => (int)v).ToArray();
        if (shape.Aggregate(1.0, (a, b) => a * b) > Limits.MaxTensorElements)
        {
            bag.Report(node, $"shape {Tensor.FormatShape(shape)} holds more than {Limits.MaxTensorElements} elements");
            return null;
        }

        return shape;
    }
}
