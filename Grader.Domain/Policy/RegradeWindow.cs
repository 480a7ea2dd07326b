namespace Grader.Domain.Policy;

/// <summary>The kinds of <see cref="RegradeRule"/>.</summary>
public enum RegradeWindow
{
    /// <summary>No requests.</summary>
    Never,

    /// <summary>Requests at any time once graded.</summary>
    Always,

    /// <summary>Requests until a date.</summary>
    Until,

    /// <summary>Requests from the question's key release for a span.</summary>
    AfterKeyRelease,
}
