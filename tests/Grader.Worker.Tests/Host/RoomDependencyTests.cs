namespace Grader.Worker.Tests.Host;

/// <summary>The Worker's folders (namespaces) form no cycle: a room never imports a room that imports it back.</summary>
public sealed class RoomDependencyTests
{
    [Fact]
    public void No_two_worker_namespaces_reference_each_other_even_through_others()
    {
        var edges = RoomReferences.Of(typeof(Grader.Worker.Cli.GraderCommandLine).Assembly);
        var cycles = RoomReferences.Cycles(edges.Keys);
        var explained = cycles.SelectMany(group => edges
            .Where(e => group.Contains(e.Key.From) && group.Contains(e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {string.Join("; ", e.Value.Take(6))}"));
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", explained));
    }

    [Fact]
    public void The_reference_reader_finds_a_known_edge_and_a_known_cycle()
    {
        // The reader must see through lambdas and async methods: the host room maps every room's routes.
        var edges = RoomReferences.Of(typeof(Grader.Worker.Cli.GraderCommandLine).Assembly);
        Assert.Contains(edges.Keys, e => e.From == "Grader.Worker.Cli" && e.To != "Grader.Worker.Cli");
        Assert.Equal([["a", "b", "c"]], RoomReferences.Cycles([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]));
        Assert.Empty(RoomReferences.Cycles([("a", "b"), ("b", "c"), ("a", "c")]));
    }
}
