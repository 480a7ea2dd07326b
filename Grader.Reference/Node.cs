namespace Grader.Reference;

/// <summary>
/// A value in the computation graph: a tensor, the operation that made it and that operation's
/// inputs. The graph mechanics live here once: topological order and gradient accumulation.
/// </summary>
public sealed class Node
{
    internal Node(Tensor value, Function? creator, Node[] parents, bool requiresGrad = true)
    {
        Value = value;
        Creator = creator;
        Parents = parents;
        RequiresGrad = requiresGrad;
    }

    /// <summary>The node's value.</summary>
    public Tensor Value { get; }

    /// <summary>False for constants that no gradient flows into.</summary>
    public bool RequiresGrad { get; }

    internal Function? Creator { get; }

    internal Node[] Parents { get; }

    /// <summary>A leaf whose gradient can be asked for (a named value or parameter).</summary>
    public static Node Leaf(Tensor value) => new(value, null, []);

    /// <summary>A constant: no gradient flows into it.</summary>
    public static Node Constant(Tensor value) => new(value, null, [], requiresGrad: false);

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
        return new Node(reshaped, Creator, Parents, RequiresGrad);
    }

    /// <summary>
    /// Reverse-mode differentiation of this one-element node: the gradient of this node with
    /// respect to every node it depends on, each of that node's shape.
    /// </summary>
    public IReadOnlyDictionary<Node, Tensor> Gradients()
    {
        if (!Value.IsScalarLike)
        {
            throw new ShapeException($"a gradient needs a scalar output, got shape {Value.ShapeText}");
        }

        var grads = new Dictionary<Node, Tensor>(ReferenceEqualityComparer.Instance)
        {
            [this] = Tensor.Full(Value.Shape, 1.0),
        };
        var order = TopologicalOrder();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node.Creator is null || !grads.TryGetValue(node, out var gradOut))
            {
                continue;
            }

            var gradIns = node.Creator.Backward(gradOut);
            for (var p = 0; p < node.Parents.Length; p++)
            {
                var parent = node.Parents[p];
                if (!parent.RequiresGrad)
                {
                    continue;
                }

                var g = gradIns[p];
                if (!g.SameShape(parent.Value))
                {
                    throw new InvalidOperationException(
                        $"{node.Creator.GetType().Name}.Backward gave shape {g.ShapeText} for an input of shape {parent.Value.ShapeText}");
                }

                grads[parent] = grads.TryGetValue(parent, out var acc) ? Accumulate(acc, g) : g;
            }
        }

        return grads;
    }

    private static Tensor Accumulate(Tensor acc, Tensor g)
    {
        var data = (double[])acc.Data.Clone();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] += g.Data[i];
        }

        return new Tensor(acc.Shape, data);
    }

    private List<Node> TopologicalOrder()
    {
        var order = new List<Node>();
        var visited = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Node Node, int Next)>();
        stack.Push((this, 0));
        visited.Add(this);
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node.Parents.Length)
            {
                stack.Push((node, next + 1));
                var parent = node.Parents[next];
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
}
