namespace Grader.Worker.Host;

/// <summary>The exit codes of every verb (listed in docs/service.md).</summary>
public static class ExitCodes
{
    /// <summary>Done (for <c>grade</c>: a report was produced, whatever the score).</summary>
    public const int Ok = 0;

    /// <summary>Bad input: a file that cannot be read, an invalid assignment, a rejected submission, bad arguments.</summary>
    public const int BadInput = 1;

    /// <summary>The grading service cannot be reached (<c>submit</c>, <c>regrade</c>).</summary>
    public const int Unreachable = 2;

    /// <summary><c>serve</c> cannot listen: the address is in use or not allowed.</summary>
    public const int CannotListen = 3;

    /// <summary><c>serve</c> has invalid settings (e.g. a TA token that is too short).</summary>
    public const int InvalidSettings = 4;

    /// <summary>An internal error (a bug): one line on stderr, no stack trace.</summary>
    public const int InternalError = 70;
}
