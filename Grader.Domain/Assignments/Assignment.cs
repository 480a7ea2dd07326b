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
    /// <summary>Conditions every student's variant must meet (<c>require:</c>); draws are repeated until they hold.</summary>
    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    /// <summary>The course rules: dates, late window, attempts, which submission counts.</summary>
    public Policy.CoursePolicy Policy { get; init; } = Domain.Policy.CoursePolicy.None;

    /// <summary>True when any value is drawn per student.</summary>
    public bool HasRandomValues => Values.Any(v => v.Spec.IsRandom);

    /// <summary>The question with an id, or null.</summary>
    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);
}
