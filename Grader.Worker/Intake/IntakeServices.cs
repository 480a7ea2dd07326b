namespace Grader.Worker.Intake;

/// <summary>The intake room's services: the checks, and the group-committing writer.</summary>
public static class IntakeServices
{
    /// <summary>Adds intake and its writer (the writer and the inbox are started by the host, in its order).</summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SubmissionWriter>();
        builder.Services.AddSingleton<SubmissionIntake>();
        return builder;
    }
}
