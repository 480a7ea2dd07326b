using System.Net.Http.Json;
using System.Text.Json;

namespace Grader.Worker.Tests.Operations;

/// <summary>Reads <c>GET /health/ready</c>, and waits for it to reach a status.</summary>
public static class Ready
{
    public static async Task<(int Status, JsonElement Body)> ReadAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The named check's status and description.</summary>
    public static (string Status, string Description) Check(JsonElement body, string name)
    {
        var check = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        return (check.GetProperty("status").GetString()!, check.GetProperty("description").GetString()!);
    }

    /// <summary>Asks until the answer has <paramref name="status"/> (or fails after <paramref name="seconds"/>) and returns its body.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient http, int status, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var (got, body) = await ReadAsync(http);
            if (got == status)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"/health/ready stayed {got} for {seconds} s: {body}");
            await Task.Delay(250);
        }
    }
}
