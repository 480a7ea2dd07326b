using System.Runtime.InteropServices;

namespace Grader.Reference;

/// <summary>
/// A value in the computation graph: a tensor, the operation that made it and that operation's
/// inputs. The graph mechanics live here once: topological order and gradient accumulation, on
/// values (first order) or on graph nodes (a gradient that can be differentiated again).
/// </summary>
public sealed class Node
{
    // What few nodes need (a gradient node's source and backward graph, an output's gradient
    // graph) lives in one object made on demand, so that every other node stays small.
    private Lazy? lazy;

    internal Node(Tensor value, Function? creator, Node[] parents, bool requiresGrad = true, Lazy? source = null)
    {
        Value = value;
        Creator = creator;
        Parents = parents;
        RequiresGrad = requiresGrad;
        lazy = source;
        UsesIndex = (creator?.TakesIndices ?? false) || (source?.Output?.UsesIndex ?? false) || AnyUsesIndex(parents);
    }

    /// <summary>True when an indexing operation (one with index inputs) is among what this node is computed through.</summary>
    internal bool UsesIndex { get; }

    /// <summary>The node's value.</summary>
    public Tensor Value { get; }

    /// <summary>False for constants that no gradient flows into.</summary>
    public bool RequiresGrad { get; }

    internal Function? Creator { get; }

    internal Node[] Parents { get; }

    /// <summary>A leaf whose gradient can be asked for (a named value or parameter).</summary>
    public static Node Leaf(Tensor value) => new(value, null, []);

    /// <summary>A leaf, as <see cref="Leaf(Tensor)"/>, that keeps a comparison's <see cref="IsMask"/> when <paramref name="mask"/>.</summary>
    public static Node Leaf(Tensor value, bool mask) => new(value, null, []) { IsMask = mask };

    /// <summary>A constant: no gradient flows into it.</summary>
    public static Node Constant(Tensor value) => new(value, null, [], requiresGrad: false);

    /// <summary>
    /// A comparison's result, 1 where it holds and 0 elsewhere, that stands for PyTorch's bool
    /// tensor: as an index it is a mask (<c>x[x &gt; 0]</c> picks the elements where it holds), where
    /// any other tensor is read as whole positions. No gradient flows into it.
    /// </summary>
    public static Node Mask(Tensor value) => new(value, null, [], requiresGrad: false) { IsMask = true };

    /// <summary>True for a comparison's result (<see cref="Mask"/>), PyTorch's bool tensor.</summary>
    public bool IsMask { get; private init; }

    /// <summary>
    /// The gradient of the one-element <paramref name="output"/> with respect to
    /// <paramref name="target"/>, whose value (from <see cref="Gradients"/>) is given: a node that
    /// can be differentiated again, as PyTorch's <c>create_graph=True</c>. Its graph (the backward
    /// pass written with the engine's operations) is built only when a gradient flows through it,
    /// so a gradient that is only read costs no more than its value.
    /// </summary>
    public static Node Gradient(Node output, Node target, Tensor value)
    {
        if (!value.SameShape(target.Value))
        {
            throw new ShapeException($"a gradient of shape {value.ShapeText} for a node of shape {target.Value.ShapeText}");
        }

        return new Node(value, null, [], requiresGrad: true, new Lazy { Output = output, Target = target });
    }

    /// <summary>
    /// This node with another value (of the same number of elements, taken in this node's shape)
    /// whose gradient still flows to this node's inputs exactly as this node's would: nodes
    /// computed from it see the new value, so their local derivatives are evaluated there, and
    /// the local derivative of this node's own operation is the original one. This is how a
    /// student's earlier answer stands in for a node of the graph without cutting it off from
    /// what it was computed from.
    /// </summary>
    public Node WithValue(Tensor value)
    {
        if (value.Count != Value.Count)
        {
            throw new ShapeException($"a substitute value needs {Value.Count} element(s) of shape {Value.ShapeText}, got shape {value.ShapeText}");
        }

        var reshaped = value.SameShape(Value) ? value : value.Reshape(Value.Shape);
        var copy = new Node(reshaped, Creator, Parents, RequiresGrad, Source is { } source ? new Lazy { Output = source.Output, Target = source.Target, Expanded = source.Expanded } : null);

        return copy;
    }

    /// <summary>
    /// Reverse-mode differentiation of this one-element node: the gradient of this node with
    /// respect to every node it depends on, each of that node's shape. A gradient node on the way
    /// (<see cref="Gradient"/>) is differentiated through its own backward graph.
    /// </summary>
    public IReadOnlyDictionary<Node, Tensor> Gradients()
    {
        RequireScalar();
        return Backpropagate(Tensor.Full(Value.Shape, 1.0), static (f, g) => f.Backward(g), Accumulate, static g => g);
    }

    /// <summary>
    /// The gradients of this one-element node as graph nodes built with the engine's operations
    /// (PyTorch's <c>create_graph=True</c>), computed once per node.
    /// </summary>
    internal IReadOnlyDictionary<Node, Node> GradientGraph()
    {
        if (lazy?.GradientGraph is not { } gradientGraph)
        {
            RequireScalar();
            using var recording = GradMode.Recording();
            gradientGraph = Backpropagate(Constant(Tensor.Full(Value.Shape, 1.0)), static (f, g) => f.Backward(g), Ops.Add, static g => g.Value);
            (lazy ??= new Lazy()).GradientGraph = gradientGraph;
        }

        return gradientGraph;
    }

    /// <summary>
    /// The reverse pass, once for values and for graph nodes: in reverse topological order, each
    /// node's gradient is handed to its operation's backward and summed into its inputs'; a
    /// gradient node passes its gradient on to its backward graph unchanged.
    /// </summary>
    private Dictionary<Node, T> Backpropagate<T>(T seed, Func<Function, T, T?[]> backward, Func<T, T, T> add, Func<T, Tensor> valueOf)
        where T : class
    {
        var scratch = Topology.Take();
        try
        {
            return Backpropagate(TopologicalOrder(scratch), seed, backward, add, valueOf);
        }
        finally
        {
            Topology.Give(scratch);
        }
    }

    private Dictionary<Node, T> Backpropagate<T>(List<Node> order, T seed, Func<Function, T, T?[]> backward, Func<T, T, T> add, Func<T, Tensor> valueOf)
        where T : class
    {
        var grads = new Dictionary<Node, T>(order.Count, ReferenceEqualityComparer.Instance) { [this] = seed };
        void Add(Node to, T g)
        {
            // One look-up: the slot is found (or made) once and written in place.
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(grads, to, out var exists);
            slot = exists ? add(slot!, g) : g;
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (!grads.TryGetValue(node, out var gradOut))
            {
                continue;
            }

            if (node.Source is not null)
            {
                Add(node.Expanded(), gradOut);
            }
            else if (node.Creator is not null)
            {
                var gradIns = backward(node.Creator, gradOut);
                for (var p = 0; p < node.Parents.Length; p++)
                {
                    var parent = node.Parents[p];
                    if (parent.RequiresGrad && gradIns[p] is { } g)
                    {
                        Check(node, valueOf(g), parent);
                        Add(parent, g);
                    }
                }
            }
        }

        return grads;
    }

    private void RequireScalar()
    {
        if (!Value.IsScalarLike)
        {
            throw new ShapeException($"a gradient needs a scalar output, got shape {Value.ShapeText}");
        }
    }

    private static void Check(Node node, Tensor g, Node parent)
    {
        if (!g.SameShape(parent.Value))
        {
            throw new InvalidOperationException(
                $"{node.Creator!.GetType().Name}.Backward gave shape {g.ShapeText} for an input of shape {parent.Value.ShapeText}");
        }
    }

    /// <summary>A gradient node's backward graph: the node whose value it is, built with the engine's operations.</summary>
    private Node Expanded()
    {
        var state = lazy!;
        if (state.Expanded is null)
        {
            var graph = state.Output!.GradientGraph();
            state.Expanded = graph.TryGetValue(state.Target!, out var g) ? g : Constant(Tensor.Zeros(Value.Shape));
        }

        return state.Expanded;
    }

    private ReadOnlySpan<Node> ParentsInOrder() => lazy?.Output is null ? Parents : new[] { Expanded() };

    private static Tensor Accumulate(Tensor acc, Tensor g)
    {
        var data = (double[])acc.Data.Clone();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] += g.Data[i];
        }

        return new Tensor(acc.Shape, data);
    }

    private List<Node> TopologicalOrder(Topology scratch)
    {
        var (order, visited, stack) = (scratch.Order, scratch.Visited, scratch.Stack);
        stack.Push((this, 0));
        visited.Add(this);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var parents = node.ParentsInOrder();
            if (next < parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = parents[next];
                if (parent.RequiresGrad && visited.Add(parent))
                {
                    stack.Push((parent, 0));
                }
            }
            else
            {
                order.Add(node);
            }
        }

        return order;
    }

    /// <summary>For a gradient node (<see cref="Gradient"/>), what it is the gradient of; null otherwise.</summary>
    internal Lazy? Source => lazy?.Output is null ? null : lazy;

    private static bool AnyUsesIndex(Node[] parents)
    {
        foreach (var p in parents)
        {
            if (p.UsesIndex)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A gradient node's source (what it is the gradient of) and backward graph, and an output's
    /// gradient graph: one object, made only for the few nodes that need it.
    /// </summary>
    internal sealed class Lazy
    {
        public Node? Output { get; init; }

        public Node? Target { get; init; }

        public Node? Expanded { get; set; }

        public Dictionary<Node, Node>? GradientGraph { get; set; }
    }

    /// <summary>
    /// The working sets of one topological sort, kept per thread and reused: a key's dozens of
    /// gradients each sort the graph. A sort started while another runs (a gradient node expanded
    /// during the sort) takes fresh ones.
    /// </summary>
    private sealed class Topology
    {
        // Larger sets are not kept, so that one huge graph does not hold its memory for ever.
        private const int KeptSize = 4096;

        [ThreadStatic]
        private static Topology? spare;

        public List<Node> Order { get; } = [];

        public HashSet<Node> Visited { get; } = new(ReferenceEqualityComparer.Instance);

        public Stack<(Node Node, int Next)> Stack { get; } = new();

        public static Topology Take()
        {
            var taken = spare ?? new Topology();
            spare = null;
            return taken;
        }

        public static void Give(Topology used)
        {
            if (used.Order.Count > KeptSize)
            {
                return;
            }

            used.Order.Clear();
            used.Visited.Clear();
            used.Stack.Clear();
            spare = used;
        }
    }
}
