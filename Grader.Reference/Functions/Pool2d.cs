namespace Grader.Reference.Functions;

/// <summary>
/// The window walk shared by max and average pooling over (C, H, W), with a window, stride and
/// padding per axis: subclasses reduce one window and route its gradient back.
/// </summary>
public abstract class Pool2d(Size2 size, Size2 stride, Size2 padding, string name) : Function
{
    /// <summary>The input's shape.</summary>
    protected int[] InputShape { get; private set; } = [];

    /// <summary>The window area, kH·kW.</summary>
    protected int Area => size.H * size.W;

    /// <summary>The operation's name for messages.</summary>
    protected string Name => name;

    /// <summary>Reduces one window, given the input offsets of its cells (-1 for padding).</summary>
    protected abstract double Reduce(Tensor x, ReadOnlySpan<int> cells, int outIndex);

    /// <summary>Adds the gradient of one output cell into the input's gradient.</summary>
    protected abstract void Route(double g, ReadOnlySpan<int> cells, int outIndex, double[] gx);

    /// <summary>Prepares per-output state before the windows are walked.</summary>
    protected virtual void Begin(int outputs)
    {
    }

    /// <inheritdoc />
    protected override Tensor Forward(Tensor[] inputs)
    {
        var x = inputs[0];
        if (x.Rank != 3)
        {
            throw new ShapeException($"{Name} needs (C, H, W), got {x.ShapeText}");
        }

        InputShape = x.Shape;
        var (c, outH, outW) = OutputShape();
        var y = new double[c * outH * outW];
        Begin(y.Length);
        Walk((o, cells) => y[o] = Reduce(x, cells, o));
        return new Tensor([c, outH, outW], y);
    }

    /// <inheritdoc />
    protected internal override Tensor[] Backward(Tensor gradOutput)
    {
        var gx = new double[Tensor.Numel(InputShape)];
        Walk((o, cells) => Route(gradOutput.Data[o], cells, o, gx));
        return [new Tensor(InputShape, gx)];
    }

    /// <summary>Every (output element, input cell) pair of a window, padding left out.</summary>
    protected (int[] Outputs, int[] Cells) Taps()
    {
        var (outputs, cells) = (new List<int>(), new List<int>());
        Walk((o, window) =>
        {
            foreach (var cell in window)
            {
                if (cell >= 0)
                {
                    outputs.Add(o);
                    cells.Add(cell);
                }
            }
        });
        return ([.. outputs], [.. cells]);
    }

    private (int C, int OutH, int OutW) OutputShape()
    {
        if (2 * padding.H > size.H || 2 * padding.W > size.W)
        {
            var (p, k) = 2 * padding.H > size.H ? (padding.H, size.H) : (padding.W, size.W);
            throw new ShapeException($"{Name}: padding {p} must be at most half the window size {k}");
        }

        return (InputShape[0],
            new Window(size.H, stride.H, padding.H).OutputLength(InputShape[1], Name + " height"),
            new Window(size.W, stride.W, padding.W).OutputLength(InputShape[2], Name + " width"));
    }

    private delegate void WindowAction(int outIndex, ReadOnlySpan<int> cells);

    private void Walk(WindowAction action)
    {
        var (c, outH, outW) = OutputShape();
        int h = InputShape[1], w = InputShape[2];
        Span<int> cells = Area <= 1024 ? stackalloc int[Area] : new int[Area]; // a huge window on the heap, not the stack
        for (var ci = 0; ci < c; ci++)
        {
            for (var oy = 0; oy < outH; oy++)
            {
                for (var ox = 0; ox < outW; ox++)
                {
                    var n = 0;
                    for (var dy = 0; dy < size.H; dy++)
                    {
                        for (var dx = 0; dx < size.W; dx++)
                        {
                            int iy = (oy * stride.H) + dy - padding.H, ix = (ox * stride.W) + dx - padding.W;
                            cells[n++] = iy >= 0 && iy < h && ix >= 0 && ix < w ? (((ci * h) + iy) * w) + ix : -1;
                        }
                    }

                    action((((ci * outH) + oy) * outW) + ox, cells);
                }
            }
        }
    }
}
