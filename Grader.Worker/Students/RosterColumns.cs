namespace Grader.Worker.Students;

/// <summary>
/// Which columns of a class list hold the student id, the name and the email, when the header
/// names them otherwise than Grader's own <c>student</c>, <c>name</c>, <c>email</c> or an LMS
/// export's (see <see cref="RosterCsv"/>); null leaves a column to be recognised.
/// </summary>
public sealed record RosterColumns(string? Student = null, string? Name = null, string? Email = null)
{
    /// <summary>Recognise every column.</summary>
    public static RosterColumns Recognised { get; } = new();
}
