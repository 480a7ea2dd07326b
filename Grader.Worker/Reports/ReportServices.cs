namespace Grader.Worker.Reports;

/// <summary>The reports room's services: the class's records and what a reader may see of a submission.</summary>
public static class ReportServices
{
    /// <summary>Adds the read models.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ClassRecords>();
        builder.Services.AddSingleton<SubmissionPaging>();
        builder.Services.AddSingleton<StandingStore>();
        builder.Services.AddSingleton<Course.IStandingUpdates>(services => services.GetRequiredService<StandingStore>());
        builder.Services.AddSingleton<StatisticsCache>();
        builder.Services.AddSingleton<AnswerGroupCache>();
        builder.Services.AddSingleton<StudentViews>();
        builder.Services.AddSingleton<SubmissionViews>();
        return builder;
    }
}
