using Grader.Worker.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Grader.Worker.Access;

/// <summary>
/// Signing a student's browser in and out (rule <see cref="AccessRule.Anyone"/>): the personal link
/// <c>/s/TOKEN</c> (sets the sign-in cookie, asking first when the browser holds another sign-in)
/// and <c>/me/sign-out</c>. Forms carry the framework's antiforgery token.
/// </summary>
public static class SignInRoutes
{
    /// <summary>Maps the sign-in and sign-out routes.</summary>
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        var anyone = app.MapAccessGroup(AccessRule.Anyone);
        anyone.MapGet("/s/{token}", SignInAsync);
        anyone.MapPost("/s/{token}", ConfirmSignInAsync);
        anyone.MapGet("/me/sign-out", () => ConfirmPage.Of(
            title: "Sign out", heading: "Sign out?", text: "This browser will no longer be signed in, as a student or as the TA; a personal link (or, for TAs, a page opened with ?token=) signs it in again.",
            action: "/me/sign-out", button: "Sign out", cancelHref: "/me", cancelText: "← your assignments"));
        anyone.MapPost("/me/sign-out", ([FromForm] IFormCollection _, HttpResponse response) => // the form binding checks the antiforgery token
        {
            response.Cookies.Delete(StudentSignIn.Cookie, new CookieOptions { Path = "/" });
            response.Cookies.Delete(Credentials.Cookie, new CookieOptions { Path = "/" });
            return PageResult.Message(200, "Signed out", "Signed out", "Open your personal link to sign in again (TAs: a page with ?token=).");
        });
        return app;
    }

    /// <summary>
    /// The personal link. When the browser already holds another sign-in (another student's, or
    /// the TA's), it changes nothing and asks first, with a button that posts back here: a page on
    /// another site cannot sign a browser in as someone else behind its user's back (login CSRF).
    /// </summary>
    private static async Task<IResult> SignInAsync(string token, HttpContext http, StudentDirectory directory, TaTokenStore tokens, CancellationToken ct)
    {
        if (await directory.FindByTokenAsync(token, ct) is not { } student)
        {
            return LinkNotValid();
        }

        var cookie = http.Request.Cookies[StudentSignIn.Cookie];
        var held = cookie is { Length: > 0 } && cookie != token ? (await directory.FindByTokenAsync(cookie, ct))?.StudentId : null;
        held ??= cookie != token && tokens.Matches(http.Request.Cookies[Credentials.Cookie]) ? "the TA" : null;
        if (held is not null)
        {
            return ConfirmPage.Of(
                title: "Switch sign-in", heading: "Continue as " + student.StudentId + "?",
                text: $"You are signed in as {held}: continue as {student.StudentId}?",
                action: "/s/" + Uri.EscapeDataString(token), button: "Continue as " + student.StudentId,
                cancelHref: held == "the TA" ? "/" : "/me", cancelText: "← stay signed in as " + held);
        }

        StudentSignIn.SetCookie(http.Response, token);
        return Results.Redirect("/me", permanent: false, preserveMethod: false);
    }

    /// <summary>The button of the question above (the form binding checks its antiforgery token).</summary>
    private static async Task<IResult> ConfirmSignInAsync(string token, [FromForm] IFormCollection form, HttpResponse response, StudentDirectory directory, CancellationToken ct)
    {
        _ = form;
        if (await directory.FindByTokenAsync(token, ct) is null)
        {
            return LinkNotValid();
        }

        StudentSignIn.SetCookie(response, token);
        return Results.Redirect("/me", permanent: false, preserveMethod: false);
    }

    private static IResult LinkNotValid() =>
        PageResult.Message(404, "Link not valid", "This link is not valid",
            "It may have been replaced by a new one. Ask your instructor for your current link.");
}
