namespace Grader.Worker.Access;

/// <summary>The access rule of an endpoint, as endpoint metadata (one per endpoint).</summary>
public sealed record AccessRuleMetadata(AccessRule Rule);
