using Grader.Worker.Tests.Service;

namespace Grader.Worker.Tests.Hardening;

[Collection("service")]
public class TaTokenTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task An_empty_token_file_is_replaced_by_a_new_token_written_atomically_and_an_empty_token_opens_nothing()
    {
        using var dir = new TempDir();
        var tokenFile = dir.Write("ta-token.txt", "");
        await using (var service = await TestService.StartAsync(dir, settings: new Dictionary<string, string?> { ["Grader:TaToken"] = "" }))
        {
            var token = File.ReadAllText(tokenFile).Trim();
            Assert.Equal(40, token.Length);
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(tokenFile));
            Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp"));
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(service.DatabasePath));

            using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
            Assert.Equal(401, (int)(await anonymous.GetAsync("/?token=")).StatusCode);
            Assert.Equal(401, (int)(await anonymous.PostAsync("/api/assignments/tanh-network/regrade?token=", null)).StatusCode);
            Assert.Equal(200, (int)(await anonymous.GetAsync($"/?token={token}")).StatusCode);
        }
    }
}
