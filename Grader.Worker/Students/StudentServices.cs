namespace Grader.Worker.Students;

/// <summary>The students room's services: the class list's import, handouts, a student's records and rules.</summary>
public static class StudentServices
{
    /// <summary>Adds the students' services.</summary>
    public static IHostApplicationBuilder AddStudents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RosterService>();
        builder.Services.AddSingleton<HandoutService>();
        builder.Services.AddSingleton<StudentRecords>();
        builder.Services.AddSingleton<StudentRulesService>();
        return builder;
    }
}
