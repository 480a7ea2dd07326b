namespace Grader.Worker.Tests.Hardening;

/// <summary>The check every hostile case ends with: the service still answers.</summary>
public static class Health
{
    public static async Task AssertServingAsync(HttpClient http)
    {
        using var health = await http.GetAsync("/health");
        Assert.Equal(200, (int)health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
    }
}
