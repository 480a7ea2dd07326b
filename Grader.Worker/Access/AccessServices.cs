namespace Grader.Worker.Access;

/// <summary>The access room's services: the TA token, the class list's sign-in tokens.</summary>
public static class AccessServices
{
    /// <summary>Adds the TA token store, the student directory and sign-in.</summary>
    public static IHostApplicationBuilder AddAccess(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TaTokenStore>();
        builder.Services.AddSingleton<StudentDirectory>();
        builder.Services.AddSingleton<StudentSignIn>();
        return builder;
    }
}
