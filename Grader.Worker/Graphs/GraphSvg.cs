using System.Globalization;
using System.Text;
using System.Xml;
using Grader.Domain.Graphs;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Layout.Layered;

namespace Grader.Worker.Graphs;

/// <summary>
/// Draws a graph as SVG on the server: MSAGL's layered (Sugiyama) layout places the nodes left to
/// right and routes the edges; the SVG is written here with <see cref="XmlWriter"/> (so every
/// label is escaped). Inputs are boxes, operations rounded boxes holding the operation with the
/// node's name above; each node's value is written above its outgoing edge and its gradient
/// below, as the course material draws them, at 4 significant figures (in full in each
/// element's <c>&lt;title&gt;</c>). Wrong nodes are drawn in red, dashed.
/// </summary>
public static class GraphSvg
{
    private const double CharWidth = 7.2;
    private const double Height = 30;
    private const double Margin = 24;

    /// <summary>The SVG text of a picture.</summary>
    public static string Write(GraphPicture picture)
    {
        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, Node>();
        foreach (var n in picture.Nodes)
        {
            var width = Math.Max(44, (Math.Max(Label(n).Length, n.Name.Length) * CharWidth) + 20);
            var node = new Node(CurveFactory.CreateRectangleWithRoundedCorners(width, Height, n.IsInput ? 2 : 12, n.IsInput ? 2 : 12, new Point()), n);
            graph.Nodes.Add(node);
            nodes[n.Name] = node;
        }

        // The output's value and gradient go on an edge of their own, to the picture's right edge.
        var sink = new Node(CurveFactory.CreateRectangle(2, 2, new Point()), null);
        graph.Nodes.Add(sink);
        var edges = new List<(Edge Edge, PictureNode From)>();
        foreach (var (from, to) in picture.Edges.Append((picture.Output, "")).Distinct())
        {
            if (!nodes.TryGetValue(from, out var source))
            {
                continue;
            }

            var target = to == "" ? sink : nodes.GetValueOrDefault(to);
            if (target is null)
            {
                continue;
            }

            var edge = new Edge(source, target);
            graph.Edges.Add(edge);
            edges.Add((edge, (PictureNode)source.UserData));
        }

        var settings = new SugiyamaLayoutSettings
        {
            Transformation = PlaneTransformation.Rotation(Math.PI / 2),
            LayerSeparation = 90,
            NodeSeparation = 40,
        };
        new LayeredLayout(graph, settings).Run();
        return Svg(graph, picture, edges);
    }

    private static string Label(PictureNode n) => n.Operation ?? n.Name;

    private static string Svg(GeometryGraph graph, GraphPicture picture, List<(Edge Edge, PictureNode From)> edges)
    {
        var box = graph.BoundingBox;
        double X(double x) => x - box.Left + Margin;
        double Y(double y) => box.Top - y + Margin; // MSAGL's y axis points up; SVG's down.
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            w.WriteStartElement("svg", "http://www.w3.org/2000/svg");
            w.WriteAttributeString("class", "graph");
            w.WriteAttributeString("width", F(box.Width + (2 * Margin)));
            w.WriteAttributeString("height", F(box.Height + (2 * Margin)));
            w.WriteAttributeString("viewBox", $"0 0 {F(box.Width + (2 * Margin))} {F(box.Height + (2 * Margin))}");
            w.WriteAttributeString("role", "img");
            w.WriteElementString("title", "computational graph of " + picture.Output);
            w.WriteStartElement("defs");
            w.WriteStartElement("marker");
            w.WriteAttributeString("id", "arrow");
            w.WriteAttributeString("viewBox", "0 0 10 10");
            w.WriteAttributeString("refX", "10");
            w.WriteAttributeString("refY", "5");
            w.WriteAttributeString("markerWidth", "7");
            w.WriteAttributeString("markerHeight", "7");
            w.WriteAttributeString("orient", "auto");
            w.WriteStartElement("path");
            w.WriteAttributeString("d", "M0,0 L10,5 L0,10 z");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();

            foreach (var (edge, from) in edges)
            {
                var curve = edge.Curve;
                if (curve is null)
                {
                    continue;
                }

                w.WriteStartElement("g");
                w.WriteAttributeString("class", "edge");
                w.WriteElementString("title", from.Title);
                var path = new StringBuilder();
                const int Samples = 24;
                for (var i = 0; i <= Samples; i++)
                {
                    var p = curve[curve.ParStart + ((curve.ParEnd - curve.ParStart) * i / Samples)];
                    path.Append(i == 0 ? "M" : " L").Append(F(X(p.X))).Append(',').Append(F(Y(p.Y)));
                }

                w.WriteStartElement("path");
                w.WriteAttributeString("d", path.ToString());
                w.WriteAttributeString("fill", "none");
                w.WriteAttributeString("stroke", "#444");
                w.WriteAttributeString("marker-end", "url(#arrow)");
                w.WriteEndElement();
                var mid = curve[(curve.ParStart + curve.ParEnd) / 2];
                if (from.Value is not null)
                {
                    Text(w, X(mid.X), Y(mid.Y) - 6, GraphPictures.Short(from.Value), "value", "#1a5fb4");
                }

                if (from.Grad is not null)
                {
                    Text(w, X(mid.X), Y(mid.Y) + 16, GraphPictures.Short(from.Grad), "grad", "#c01c28");
                }

                w.WriteEndElement();
            }

            foreach (var node in graph.Nodes.Where(n => n.UserData is PictureNode))
            {
                var n = (PictureNode)node.UserData;
                var b = node.BoundingBox;
                w.WriteStartElement("g");
                w.WriteAttributeString("class", "node" + (n.IsInput ? " input" : "") + (n.Wrong ? " wrong" : ""));
                w.WriteElementString("title", n.Title + (n.Wrong ? " (wrong)" : ""));
                w.WriteStartElement("rect");
                w.WriteAttributeString("x", F(X(b.Left)));
                w.WriteAttributeString("y", F(Y(b.Top)));
                w.WriteAttributeString("width", F(b.Width));
                w.WriteAttributeString("height", F(b.Height));
                w.WriteAttributeString("rx", n.IsInput ? "2" : "12");
                w.WriteAttributeString("fill", n.Wrong ? "#fde8e8" : n.IsInput ? "#f4f4f4" : "#ffffff");
                w.WriteAttributeString("stroke", n.Wrong ? "#c01c28" : "#333");
                if (n.Wrong)
                {
                    w.WriteAttributeString("stroke-dasharray", "4 2");
                }

                w.WriteEndElement();
                Text(w, X(node.Center.X), Y(node.Center.Y) + 5, Label(n), "label", "#000");
                if (!n.IsInput)
                {
                    Text(w, X(node.Center.X), Y(b.Top) - 4, n.Name, "name", "#555");
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return sb.ToString();
    }

    private static void Text(XmlWriter w, double x, double y, string text, string cls, string fill)
    {
        w.WriteStartElement("text");
        w.WriteAttributeString("class", cls);
        w.WriteAttributeString("x", F(x));
        w.WriteAttributeString("y", F(y));
        w.WriteAttributeString("text-anchor", "middle");
        w.WriteAttributeString("font-family", "sans-serif");
        w.WriteAttributeString("font-size", cls == "name" ? "11" : "13");
        w.WriteAttributeString("fill", fill);
        w.WriteString(text);
        w.WriteEndElement();
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
