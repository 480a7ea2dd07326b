using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Tests.Expressions;

/// <summary>
/// Any text made of indexing's pieces (brackets, colons, commas, numbers, names, the new
/// functions) either evaluates or is refused with an <see cref="ExpressionException"/> whose column
/// lies in the text: never another exception.
/// </summary>
public class IndexingFuzzTests
{
    private static readonly string[] Pieces =
    [
        "x", "W", "idx", "[", "]", ":", "::", ",", "0", "1", "-1", "2", "3", "1.5", "-", "+", "*", "(", ")", " ",
        "concat(", "stack(", "onehot(", "embedding(", "permute(", "transpose(", "reshape(", "clip(", "zeros(", "eye(", "axis=",
    ];

    private static readonly string[] Targets = ["x", "W", "idx", "(x * 2)", "concat([x, x])", "stack([x, x], axis=-1)", "permute(x, [1, 0])", "x[0]", "W[idx]", "eye(3)"];

    private static readonly string[] Items = ["0", "-1", "2", "5", "-4", "1.5", ":", "1:", ":-1", "::2", "::-1", "::0", "1:2:3", "-9:9", "[0, 1]", "[[1], [0]]", "idx", "[2, -1, 0]", "[]", "idx - 3"];

    [Fact]
    public void Indexing_text_evaluates_or_is_refused_at_a_column()
    {
        var random = new Random(19);
        for (var trial = 0; trial < 20_000; trial++)
        {
            var text = trial % 2 == 0
                ? string.Concat(Enumerable.Range(0, random.Next(1, 15)).Select(_ => Pieces[random.Next(Pieces.Length)]))
                : Targets[random.Next(Targets.Length)] + "[" + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Items[random.Next(Items.Length)])) + "]";
            try
            {
                new ExpressionEvaluator(new Scope()).Evaluate(ExpressionParser.Parse(text));
            }
            catch (ExpressionException ex)
            {
                Assert.True(ex.Column >= 1 && ex.Column <= text.Length + 1, $"'{text}': column {ex.Column}");
            }
            catch (Exception ex)
            {
                Assert.Fail($"'{text}': {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>x (2, 3), W (4, 2) and idx [3, 0, 3] as leaves.</summary>
    private sealed class Scope : IEvaluationScope
    {
        private readonly Dictionary<string, Node> names = new()
        {
            ["x"] = Node.Leaf(new Tensor([2, 3], [1, 2, 3, 4, 5, 6])),
            ["W"] = Node.Leaf(new Tensor([4, 2], [1, 2, 3, 4, 5, 6, 7, 8])),
            ["idx"] = Node.Leaf(Tensor.Vector(3, 0, 3)),
        };

        public Node Resolve(string name, int column) =>
            names.TryGetValue(name, out var node) ? node : ConstantScope.Instance.Resolve(name, column);

        public Grader.Domain.Networks.Network? FindNetwork(string name) => null;

        public IReadOnlyDictionary<Node, Tensor> GradientsOf(Node output) => output.Gradients();
    }
}
