using Grader.Worker.Pages.Student;
using Grader.Worker.Pages.Ta;

namespace Grader.Worker.Pages;

/// <summary>The pages: Razor components rendered on the server, with the framework's antiforgery for their forms.</summary>
public static class PageRoutes
{
    /// <summary>Adds Razor components and antiforgery.</summary>
    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Lax, not the framework's Strict: a page opened from a link on another site (an LMS, a
        // mail) would otherwise arrive without the cookie and set a new one, breaking the forms open
        // in every other tab. A cross-site POST still comes without it (Lax), and the form token is
        // bound to the sign-in (SignInAntiforgery).
        builder.Services.AddAntiforgery(o => o.Cookie.SameSite = SameSiteMode.Lax);
        return builder;
    }

    /// <summary>Maps the TA pages, the report page, regrade requests, the roster page and the student's pages.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapTaPages();
        app.MapAnswerGroupForms();
        app.MapRegradeRequestPages();
        app.MapRosterPages();
        app.MapStudentPages();
        return app;
    }
}
