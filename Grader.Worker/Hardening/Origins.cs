namespace Grader.Worker.Hardening;

/// <summary>Web origins (scheme, host and port), compared as browsers compare them.</summary>
public static class Origins
{
    /// <summary>True when two addresses have the same scheme, host and port (default ports made explicit).</summary>
    public static bool Same(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
        && string.Equals(x.Scheme, y.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(x.IdnHost, y.IdnHost, StringComparison.OrdinalIgnoreCase)
        && x.Port == y.Port;
}
