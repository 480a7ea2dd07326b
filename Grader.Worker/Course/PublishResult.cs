namespace Grader.Worker.Course;

/// <summary>What reading the assignments folder did: new versions made current, files unchanged, files refused.</summary>
public sealed record PublishResult(IReadOnlyList<string> Published, IReadOnlyList<string> Unchanged, IReadOnlyList<AssignmentProblem> Refused)
{
    /// <summary>True when no file was refused.</summary>
    public bool Ok => Refused.Count == 0;
}
