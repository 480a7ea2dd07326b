using System.Text.Json;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Operations;

/// <summary><c>Grader:LogFormat=json</c>: the console writes one JSON object a line, with the structured fields of each message.</summary>
[Collection("service")]
public class LogFormatTests
{
    [Fact]
    public async Task Json_logs_keep_the_submission_assignment_and_student_fields()
    {
        using var dir = new TempDir();
        using var service = await ChildService.StartAsync(dir, environment: new Dictionary<string, string>
        {
            ["Grader__LogFormat"] = "json",
            ["Logging__LogLevel__Grader"] = "Information",
        });
        var seed = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        using var response = await service.Http.PostAsync("/api/submissions", new StringContent(seed));
        Assert.Equal(202, (int)response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

        JsonElement? accepted = null;
        for (var i = 0; i < 50 && accepted is null; i++)
        {
            accepted = service.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("Category").GetString() == "Grader.Worker.Intake.SubmissionIntake")
                .Cast<JsonElement?>().FirstOrDefault();
            await Task.Delay(100);
        }

        Assert.True(accepted is not null, service.Output);
        var state = accepted.Value.GetProperty("State");
        Assert.Equal(id, state.GetProperty("SubmissionId").GetInt64());
        Assert.Equal("tanh-network", state.GetProperty("Assignment").GetString());
        Assert.Equal("\"seed-004\"", state.GetProperty("Student").GetString());
        Assert.Equal("Information", accepted.Value.GetProperty("LogLevel").GetString());
        Assert.All(service.Output.Split('\n').Where(l => l.Length > 0), l => Assert.StartsWith("{", l)); // nothing but JSON on the console
    }
}
