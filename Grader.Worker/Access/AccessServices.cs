using Grader.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grader.Worker.Access;

/// <summary>The access room's services: the TA token, the class list's sign-in tokens, antiforgery tokens bound to the sign-in.</summary>
public static class AccessServices
{
    /// <summary>
    /// Adds the TA token store, the student directory and sign-in, and binds antiforgery tokens to
    /// the sign-in (<see cref="SignInAntiforgery"/>; it replaces the framework's provider, which adds nothing),
    /// their keys kept in the database.
    /// </summary>
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TaTokenStore>();
        builder.Services.AddSingleton<StudentDirectory>();
        builder.Services.AddSingleton<StudentSignIn>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgeryAdditionalDataProvider, SignInAntiforgery>());

        // The keys that protect the antiforgery tokens live in the database (the key ring reads
        // its context from a scope, made from the pool): every node of a cluster accepts the forms
        // another rendered, and a restart without a kept home folder refuses no open form.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<GraderDbContext>>().CreateDbContext());
        builder.Services.AddDataProtection().SetApplicationName("Grader").PersistKeysToDbContext<GraderDbContext>();
        return builder;
    }
}
