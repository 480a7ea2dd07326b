using System.Net.Http.Json;
using System.Text.Json;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Students;

/// <summary>Imports a class list into a test service over the TA route and returns each student's token.</summary>
public static class ClassList
{
    public static async Task<Dictionary<string, string>> ImportAsync(TestService service, string csv)
    {
        using var response = await service.Http.PostAsync("/api/roster", new StringContent(csv));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await TokensAsync(service);
    }

    public static async Task<Dictionary<string, string>> TokensAsync(TestService service)
    {
        var list = await service.Http.GetFromJsonAsync<JsonElement>("/api/roster");
        return list.EnumerateArray().ToDictionary(s => s.GetProperty("student").GetString()!, s => s.GetProperty("token").GetString()!);
    }

    /// <summary>A client with no TA token, optionally sending a student's token as Bearer.</summary>
    public static HttpClient Client(TestService service, string? token = null)
    {
        var http = new HttpClient { BaseAddress = service.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient http, string text)
    {
        using var content = new StringContent(text);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/yaml");
        using var response = await http.PostAsync("/api/submissions", content);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The exact key of a student's variant as an answer file; <paramref name="fileStudent"/> is what the file says (null: no student line).</summary>
    public static string Exact(string assignmentId, string variantOf, string? fileStudent)
    {
        var assignment = Grader.Domain.Assignments.AssignmentLoader.LoadFile(Repo.Assignment(assignmentId)).Assignment!;
        var key = Grader.Domain.Assignments.AnswerKeyBuilder.Build(assignment, variantOf);
        return Grader.Domain.Output.AnswerFileYaml.Write(assignmentId, fileStudent, key.Answers);
    }
}
