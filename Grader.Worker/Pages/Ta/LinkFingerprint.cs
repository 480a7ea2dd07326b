using System.Security.Cryptography;
using System.Text;

namespace Grader.Worker.Pages.Ta;

/// <summary>
/// Names a student's link on the New link confirmation without putting the link itself in the
/// form: a short SHA-256 digest of its token. The confirmation replaces the link only while the
/// link is still the one it names, so it is good once.
/// </summary>
public static class LinkFingerprint
{
    /// <summary>The fingerprint of a link's token.</summary>
    public static string Of(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("grader-link:" + token)).AsSpan(0, 16));

    /// <summary>True when <paramref name="fingerprint"/> names the link with this token.</summary>
    public static bool Matches(string token, string? fingerprint) =>
        fingerprint is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(token)), Encoding.ASCII.GetBytes(fingerprint));
}
