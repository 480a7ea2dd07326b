using System.Globalization;
using System.Net.Http.Headers;
using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Operations;

/// <summary>One read of <c>GET /metrics</c> (Prometheus text format), and its samples by name and labels.</summary>
public sealed class Scrape(string text)
{
    public string Text { get; } = text;

    public static async Task<Scrape> ReadAsync(TestService service)
    {
        using var response = await service.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return new Scrape(text);
    }

    /// <summary>
    /// Reads until <paramref name="settled"/> holds or <paramref name="seconds"/> pass, and returns
    /// the last read: metrics are recorded just after the commit a test waits for, and the exporter
    /// and the queue gauge each keep a reading for a moment.
    /// </summary>
    public static async Task<Scrape> UntilAsync(TestService service, Func<Scrape, bool> settled, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var scrape = await ReadAsync(service);
            if (settled(scrape) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A client with no credential, or with <paramref name="bearer"/>.</summary>
    public static HttpClient Client(TestService service, string? bearer = null)
    {
        var http = new HttpClient { BaseAddress = service.Http.BaseAddress };
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return http;
    }

    /// <summary>The metric names that have samples (the name before any <c>{</c>).</summary>
    public IReadOnlySet<string> Names => Samples().Select(s => s.Name).ToHashSet();

    /// <summary>The sample's value, or null when there is none; <paramref name="labels"/> like <c>reason="malformed"</c> must all be among its labels.</summary>
    public double? Value(string name, params string[] labels)
    {
        var found = Samples().Where(s => s.Name == name && labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).ToList();
        Assert.True(found.Count <= 1, $"{found.Count} samples of {name} {string.Join(",", labels)}:\n{string.Join("\n", found.Select(f => f.Line))}");
        return found.Count == 0 ? null : found[0].Value;
    }

    private IEnumerable<(string Name, string Labels, double Value, string Line)> Samples()
    {
        foreach (var line in Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var brace = line.IndexOf('{');
            var space = line.LastIndexOf(' ');
            var nameEnd = brace >= 0 && brace < space ? brace : line.IndexOf(' ');
            var labels = brace >= 0 && brace < space ? line[brace..(line.LastIndexOf('}') + 1)] : "";
            var valueText = line[(line.IndexOf(' ', labels.Length > 0 ? line.LastIndexOf('}') : nameEnd) + 1)..].Split(' ')[0];
            yield return (line[..nameEnd], labels, double.Parse(valueText, CultureInfo.InvariantCulture), line);
        }
    }
}
