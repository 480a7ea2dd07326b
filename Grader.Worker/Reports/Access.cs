namespace Grader.Worker.Reports;

/// <summary>
/// Who a request is: a TA (the TA token as <c>Authorization: Bearer</c>, the <c>grader_ta</c>
/// cookie or <c>?token=</c>), or the holder of one submission's receipt (<c>?receipt=</c> or
/// <c>X-Receipt</c>), or nobody.
/// </summary>
public sealed record Access(bool IsTa, string? Receipt)
{
    /// <summary>The cookie that keeps a TA signed in after opening a page with <c>?token=</c>.</summary>
    public const string Cookie = "grader_ta";

    /// <summary>True when any credential was presented.</summary>
    public bool HasCredential => IsTa || Receipt is not null;

    /// <summary>Reads the request's credentials; a valid <c>?token=</c> also sets the cookie.</summary>
    public static Access Of(HttpContext context, TaTokenStore tokens)
    {
        var request = context.Request;
        var bearer = request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? h[7..].Trim() : null;
        var query = request.Query["token"].FirstOrDefault();
        var cookie = request.Cookies[Cookie];
        var isTa = tokens.Matches(bearer) || tokens.Matches(query) || tokens.Matches(cookie);
        if (isTa && tokens.Matches(query))
        {
            context.Response.Cookies.Append(Cookie, query!, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        }

        var receipt = request.Query["receipt"].FirstOrDefault() ?? request.Headers["X-Receipt"].FirstOrDefault();
        return new Access(isTa, string.IsNullOrWhiteSpace(receipt) ? null : receipt);
    }

    /// <summary>True when this request may read the submission with that receipt token.</summary>
    public bool MayRead(string submissionReceipt) =>
        IsTa || (Receipt is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(Receipt), System.Text.Encoding.UTF8.GetBytes(submissionReceipt)));
}
