namespace Grader.Domain.Policy;

/// <summary>Late submissions are accepted until <paramref name="Until"/>, with a penalty.</summary>
public sealed record LateWindow(PolicyTime Until, Penalty Penalty);
