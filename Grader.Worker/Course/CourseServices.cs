using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Grader.Worker.Course;

/// <summary>The course room's services: the assignment catalog and the course rules (dates, attempts, extensions).</summary>
public static class CourseServices
{
    /// <summary>Adds the catalog and the rules (their clock is the system's unless a test keyed its own).</summary>
    public static IHostApplicationBuilder AddCourse(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AssignmentCatalog>();
        builder.Services.AddSingleton<CourseRules>();
        builder.Services.TryAddKeyedSingleton(CourseRules.ClockKey, TimeProvider.System);
        return builder;
    }
}
