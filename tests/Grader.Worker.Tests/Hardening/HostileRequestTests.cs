using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// The hostile corpus over HTTP: every refusal is JSON <c>{"error": ...}</c> with its status, the
/// submission is kept as rejected (without its content when it is over the size limit), and the
/// service still answers <c>/health</c> afterwards.
/// </summary>
[Collection("service")]
public class HostileRequestTests(HostileServiceFixture fixture) : IClassFixture<HostileServiceFixture>
{
    private static readonly Dictionary<string, Func<HttpContent>> Bodies = new()
    {
        ["50 MB raw body"] = () => Raw(HostileCorpus.HugeBody(), "application/yaml"),
        ["just over 1 MiB raw body"] = () => Raw(HostileCorpus.HugeBody((1 << 20) + 1), "application/yaml"),
        ["50 MB multipart upload"] = () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(Raw(HostileCorpus.HugeBody(), "application/yaml"), "file", "big.yaml");
            return form;
        },
        ["1,025 multipart parts"] = () => Raw(HostileCorpus.ManyParts().Body, HostileCorpus.ManyParts().ContentType),
        ["100 KB file name"] = () => Raw(HostileCorpus.LongFileName().Body, HostileCorpus.LongFileName().ContentType),
        ["multipart without a boundary"] = () => Raw(Encoding.UTF8.GetBytes("assignment: x\n"), "multipart/form-data"),
        ["form-encoded body (curl -d)"] = () => Raw(Encoding.UTF8.GetBytes("assignment: tanh-network student: s answers: forward: 0.3"), "application/x-www-form-urlencoded"),
        ["multipart with no file"] = () => new MultipartFormDataContent { { new StringContent("v"), "field" } },
        ["900 KB assignment id"] = () => Raw(Encoding.UTF8.GetBytes(HostileCorpus.LongAssignmentId()), "application/yaml"),
        ["student id with a newline"] = () => Raw(File.ReadAllBytes(HostileCorpus.File("answers/student-newline.yaml")), "application/yaml"),
        ["student id with an ANSI escape"] = () => Raw(File.ReadAllBytes(HostileCorpus.File("answers/student-ansi.yaml")), "application/yaml"),
        ["student id with a right-to-left override"] = () => Raw(File.ReadAllBytes(HostileCorpus.File("answers/student-rtl.yaml")), "application/yaml"),
        ["student id with a zero-width space"] = () => Raw(File.ReadAllBytes(HostileCorpus.File("answers/student-zero-width.yaml")), "application/yaml"),
    };

    public static TheoryData<string, int, string> Refused => new()
    {
        { "50 MB raw body", 413, "over the size limit of 1048576 bytes (it was not stored)" },
        { "just over 1 MiB raw body", 413, "over the size limit of 1048576 bytes (it was not stored)" },
        { "50 MB multipart upload", 413, "over the size limit of 1048576 bytes (it was not stored)" },
        { "1,025 multipart parts", 400, "malformed request body: Form value count limit 256 exceeded" },
        { "100 KB file name", 400, "malformed request body: Multipart headers length limit 4096 exceeded" },
        { "multipart without a boundary", 400, "malformed request body: Missing content-type boundary" },
        { "form-encoded body (curl -d)", 400, "a form-encoded body (curl -d) is not an answer file" },
        { "multipart with no file", 400, "the multipart upload has no file" },
        { "900 KB assignment id", 400, "unknown assignment 'aaaaaaaaaa" },
        { "student id with a newline", 400, "invisible or control character (U+000A)" },
        { "student id with an ANSI escape", 400, "invisible or control character (U+001B)" },
        { "student id with a right-to-left override", 400, "invisible or control character (U+202E)" },
        { "student id with a zero-width space", 400, "invisible or control character (U+200B)" },
    };

    private static ByteArrayContent Raw(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_hostile_post_is_refused_in_JSON_kept_as_rejected_and_the_service_keeps_serving(string name, int status, string error)
    {
        var service = fixture.Service;
        // As curl does for large bodies: the server can refuse before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = Bodies[name]() };
        request.Headers.ExpectContinue = true;
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = service.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(120),
        };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
        using var body = JsonDocument.Parse(text);
        var message = body.RootElement.GetProperty("error").GetString()!;
        Assert.Contains(error, message);
        Assert.True(message.Length < 2000, $"{name}: the error is {message.Length} characters");

        var id = body.RootElement.GetProperty("id").GetInt64();
        await using var db = service.Db();
        var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(SubmissionStatus.Rejected, stored.Status);
        Assert.Equal(message, stored.Reason);
        Assert.True(stored.Content.Length <= 1 << 20, "never stored truncated past the limit");
        if (status == 413)
        {
            Assert.Empty(stored.Content);
        }

        Assert.True(stored.AssignmentId is null or { Length: <= 100 });
        await Health.AssertServingAsync(service.Http);
    }

    public static TheoryData<string, string> GradedInvalid => new()
    {
        { "conv-padding", "must be at most the input size 1 or the window size less one 0" },
        { "outer-bomb", "outer would make a tensor of 9,000,000 elements; the limit is 1,000,000" },
        { "costly-conv", "conv2d needs more computation than allowed" },
    };

    [Theory]
    [MemberData(nameof(GradedInvalid))]
    public async Task A_hostile_answer_is_accepted_and_graded_invalid_with_its_reason_and_the_service_keeps_serving(string name, string reason)
    {
        var service = fixture.Service;
        var text = name switch
        {
            "conv-padding" => HostileCorpus.Text("answers/conv-padding.yaml"),
            "outer-bomb" => HostileCorpus.OuterBomb(),
            _ => HostileCorpus.CostlyConv(),
        };
        var (status, body) = await service.PostAsync(text);
        Assert.Equal(202, status);
        var id = body.GetProperty("id").GetInt64();
        var graded = (await service.WaitForAsync([id]))[id];
        var forward = graded.GetProperty("report").GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "forward");
        Assert.Equal("invalid", forward.GetProperty("status").GetString());
        Assert.Contains(reason, forward.GetProperty("feedback").GetString());
        await Health.AssertServingAsync(service.Http);
    }

    [Fact]
    public async Task The_gradebook_of_an_unknown_assignment_is_404_in_JSON()
    {
        foreach (var format in new[] { "csv", "json" })
        {
            using var response = await fixture.Service.Http.GetAsync($"/assignments/no-such-thing/gradebook.{format}");
            Assert.Equal(404, (int)response.StatusCode);
            Assert.Contains("unknown assignment 'no-such-thing'", await response.Content.ReadAsStringAsync());
        }

        await Health.AssertServingAsync(fixture.Service.Http);
    }

    [Fact]
    public async Task A_rejected_submission_naming_an_unknown_assignment_makes_no_gradebook_or_page_of_it()
    {
        var (status, _) = await fixture.Service.PostAsync("assignment: never-was\nstudent: s1\nanswers:\n  q: 1\n");
        Assert.Equal(400, status);
        foreach (var path in new[] { "/assignments/never-was/gradebook.csv", "/assignments/never-was/gradebook.json", "/assignments/never-was" })
        {
            using var response = await fixture.Service.Http.GetAsync(path);
            Assert.True(404 == (int)response.StatusCode, $"{path}: {(int)response.StatusCode}");
        }

        var service = fixture.Service;
        var (exit, _, error) = Cli.Cli.Run("report", "never-was", "--csv", Path.Combine(Path.GetTempPath(), $"never-was-{Guid.NewGuid():N}.csv"), "--database", service.DatabasePath, "--assignments", service.AssignmentsPath);
        Assert.Equal(1, exit);
        Assert.Contains("unknown assignment 'never-was'", error);
    }

    [Theory]
    [InlineData("/api/submissions/1?token=")]
    [InlineData("/?token=")]
    [InlineData("/assignments/tanh-network/gradebook.json?token=")]
    public async Task An_empty_token_opens_nothing(string url)
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Service.Http.BaseAddress };
        using var response = await anonymous.GetAsync(url);
        Assert.Equal(401, (int)response.StatusCode);
        await Health.AssertServingAsync(fixture.Service.Http);
    }
}
