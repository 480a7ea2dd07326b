using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grader.Worker.Access;

/// <summary>The access room's services: the TA token, the class list's sign-in tokens, antiforgery tokens bound to the sign-in.</summary>
public static class AccessServices
{
    /// <summary>
    /// Adds the TA token store, the student directory and sign-in, and binds antiforgery tokens to
    /// the sign-in (<see cref="SignInAntiforgery"/>; it replaces the framework's provider, which adds nothing).
    /// </summary>
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TaTokenStore>();
        builder.Services.AddSingleton<StudentDirectory>();
        builder.Services.AddSingleton<StudentSignIn>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgeryAdditionalDataProvider, SignInAntiforgery>());
        return builder;
    }
}
