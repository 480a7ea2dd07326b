using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Grader.Data.Entities;
using Grader.Worker.Tests.Service;
using Grader.Worker.Tests.Students;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// Every refusal by the service's own routes is a 4xx with a JSON <c>{"error": ...}</c>, never a
/// 500 or an empty body: bodies cut short or malformed on the wire, invalid or <c>null</c> JSON,
/// the wrong content type, an over-size body, an unknown id, a wrong method, the dashboard for a student.
/// </summary>
[Collection("service")]
public class RefusalTests(HostileServiceFixture fixture) : IClassFixture<HostileServiceFixture>
{
    private const string Unclosed = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\nContent-Type: application/yaml\r\n\r\nassignment: tanh-network\nstudent: s\n";

    private static string Head(string path, string extra) =>
        $"POST {path} HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer {TestService.TaToken}\nConnection: close\n{extra}\n";

    public static TheoryData<string, string, string> BrokenBodies => new()
    {
        // name, path, body kind
        { "multipart with no closing boundary", "/api/submissions", "unclosed" },
        { "chunk size that overflows", "/api/submissions", "overflow" },
        { "class list multipart with no closing boundary", "/api/roster", "unclosed" },
        { "class list chunk size that overflows", "/api/roster", "overflow" },
        { "class list page upload with no closing boundary", "/roster/import", "unclosed" },
        { "student page upload with no closing boundary", "/me/assignments/tanh-network/upload", "unclosed" },
        { "student page upload, chunk size that overflows", "/me/assignments/tanh-network/upload", "overflow" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task A_body_broken_on_the_wire_is_400_in_JSON_and_a_submission_is_kept_as_rejected(string name, string path, string kind)
    {
        var service = fixture.Service;
        var (head, body) = kind == "unclosed"
            ? (Head(path, $"Content-Type: multipart/form-data; boundary=b\nContent-Length: {Encoding.UTF8.GetByteCount(Unclosed)}\n"), Encoding.UTF8.GetBytes(Unclosed))
            : (Head(path, $"Content-Type: {(path.StartsWith("/api/", StringComparison.Ordinal) ? "application/yaml" : "multipart/form-data; boundary=b")}\nTransfer-Encoding: chunked\n"), Encoding.ASCII.GetBytes("ffffffffffffffffffff\r\nassignment: x\r\n0\r\n\r\n"));
        var (status, _, text) = await RawHttp.SendAsync(service.Http.BaseAddress!, head, body);
        Assert.True(status == 400, $"{name}: {status} {text}");
        using var json = JsonDocument.Parse(text);
        var error = json.RootElement.GetProperty("error").GetString()!;
        Assert.True(error.StartsWith("malformed request body", StringComparison.Ordinal) || error.StartsWith("bad request", StringComparison.Ordinal), error);
        if (path == "/api/submissions")
        {
            await using var db = service.Db();
            var stored = await db.Submissions.AsNoTracking().SingleAsync(s => s.Id == json.RootElement.GetProperty("id").GetInt64());
            Assert.Equal(SubmissionStatus.Rejected, stored.Status);
            Assert.Equal(error, stored.Reason);
        }

        await Health.AssertServingAsync(service.Http);
    }

    public static TheoryData<string, string, string, string?, int, string> EmptyBodied => new()
    {
        // name, method, path, content type (null: no body), status, part of the error
        { "invalid JSON to extensions", "POST", "/api/assignments/tanh-network/extensions", "application/json:{\"student\": ", 400, "bad request" },
        { "null to extensions", "POST", "/api/assignments/tanh-network/extensions", "application/json:null", 400, "bad request" },
        { "invalid JSON to overrides", "POST", "/api/submissions/1/overrides", "application/json:[1, 2", 400, "bad request" },
        { "null to overrides", "POST", "/api/submissions/1/overrides", "application/json:null", 400, "bad request" },
        { "text to extensions", "POST", "/api/assignments/tanh-network/extensions", "text/plain:{\"student\": \"s\"}", 415, "application/json" },
        { "form to overrides", "POST", "/api/submissions/1/overrides", "application/x-www-form-urlencoded:question=forward", 415, "application/json" },
        { "2 MB to extensions", "POST", "/api/assignments/tanh-network/extensions", "application/json:2MB", 413, "over the size limit" },
        { "2 MB to overrides", "POST", "/api/submissions/1/overrides", "application/json:2MB", 413, "over the size limit" },
        { "invalid JSON to regrade-requests", "POST", "/api/submissions/1/regrade-requests", "application/json:{\"question\": ", 400, "bad request" },
        { "null to regrade-requests", "POST", "/api/submissions/1/regrade-requests", "application/json:null", 400, "bad request" },
        { "form to regrade-requests", "POST", "/api/submissions/1/regrade-requests", "application/x-www-form-urlencoded:question=forward", 415, "application/json" },
        { "2 MB to regrade-requests", "POST", "/api/submissions/1/regrade-requests", "application/json:2MB", 413, "over the size limit" },
        { "null to a regrade answer", "POST", "/api/regrade-requests/1/answer", "application/json:null", 400, "bad request" },
        { "text to a regrade answer", "POST", "/api/regrade-requests/1/answer", "text/plain:{\"reply\": \"x\"}", 415, "application/json" },
        { "a submission id that is no number", "GET", "/api/submissions/abc", null, 404, "not found" },
        { "no such route", "GET", "/api/nothing-here", null, 404, "not found" },
        { "DELETE a submission", "DELETE", "/api/submissions/1", null, 405, "DELETE" },
        { "GET publish", "GET", "/api/assignments/publish", null, 405, "GET" },
        { "PUT the class list", "PUT", "/api/roster", "text/csv:student\nada\n", 405, "PUT" },
        { "POST health", "POST", "/health", "text/plain:x", 405, "POST" },
    };

    [Theory]
    [MemberData(nameof(EmptyBodied))]
    public async Task A_refusal_the_framework_makes_is_JSON_with_its_status(string name, string method, string path, string? body, int status, string error)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body?.Split(':', 2) is [var type, var text])
        {
            request.Content = text == "2MB" ? new ByteArrayContent(Encoding.UTF8.GetBytes("{\"student\": \"" + new string('a', 2 << 20) + "\"}")) : new StringContent(text);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        // As curl does for large bodies: the server refuses before the body is sent, and the client waits for it.
        request.Headers.ExpectContinue = body?.EndsWith(":2MB", StringComparison.Ordinal) == true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestService.TaToken);
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = fixture.Service.Http.BaseAddress };
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {answer}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(answer);
        Assert.Contains(error, json.RootElement.GetProperty("error").GetString());
        await Health.AssertServingAsync(fixture.Service.Http);
    }

    [Fact]
    public async Task The_dashboard_is_401_without_a_credential_and_403_for_a_signed_in_student_in_JSON()
    {
        await using var service = await TestService.StartAsync();
        var tokens = await ClassList.ImportAsync(service, "student\nada\n");
        using var anonymous = ClassList.Client(service);
        using var student = ClassList.Client(service);
        student.DefaultRequestHeaders.Add("Cookie", $"grader_student={tokens["ada"]}");
        foreach (var (client, status) in new[] { (anonymous, 401), (student, 403) })
        {
            using var response = await client.GetAsync("/hangfire");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode} {text}");
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()));
        }

        using var ta = await service.Http.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, ta.StatusCode);
    }
}
