using System.Collections.Frozen;
using Grader.Domain.Networks;

namespace Grader.Domain.Assignments;

/// <summary>A loaded assignment: values, graph, networks and questions, with where each was written.</summary>
public sealed record Assignment(
    string Id,
    string Title,
    GradingSettings Defaults,
    IReadOnlyList<ValueDefinition> Values,
    IReadOnlyList<GraphNode> Graph,
    IReadOnlyDictionary<string, Network> Networks,
    IReadOnlyList<Question> Questions,
    string File)
{
    // Keyed by the graph itself (not kept in a field, which `with` would copy to an assignment
    // whose graph has changed, and which would take part in the record's equality).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<GraphNode>, FrozenDictionary<string, GraphNode>> GraphIndex = [];

    /// <summary>Conditions every student's variant must meet (<c>require:</c>); draws are repeated until they hold.</summary>
    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    /// <summary>The course rules: dates, late window, attempts, which submission counts.</summary>
    public Policy.CoursePolicy Policy { get; init; } = Domain.Policy.CoursePolicy.None;

    /// <summary>The graph's nodes by name, made once per graph and shared by every variant's scope.</summary>
    public FrozenDictionary<string, GraphNode> GraphByName =>
        GraphIndex.GetValue(Graph, static graph => graph.ToFrozenDictionary(g => g.Name));

    /// <summary>True when any value is drawn per student.</summary>
    public bool HasRandomValues => Values.Any(v => v.Spec.IsRandom);

    /// <summary>The question with an id, or null.</summary>
    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);
}
