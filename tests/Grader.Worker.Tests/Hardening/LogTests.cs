using Grader.Worker.Tests.Service;
using Microsoft.Extensions.Logging;
using Grader.Worker.Hardening;

namespace Grader.Worker.Tests.Hardening;

[Collection("service")]
public class LogTests
{
    [Theory]
    [InlineData("a\nINFO forged", "a\\u000AINFO forged")]
    [InlineData("red\u001b[31m", "red\\u001B[31m")]
    [InlineData("s1234\u202e4321", "s1234\\u202E4321")]
    [InlineData("s12\u200b34", "s12\\u200B34")]
    [InlineData("plain é ok", "plain é ok")]
    public void User_text_is_escaped(string text, string escaped) => Assert.Equal(escaped, LogText.Escape(text));

    [Fact]
    public void User_text_is_cut_and_says_how_long_it_was() =>
        Assert.Equal("\"xxxxxxxxxx… (921,600 characters)\"", LogText.Quote(new string('x', 900 * 1024), 10));

    [Fact]
    public void Query_values_are_redacted() =>
        Assert.Equal("/assignments/x?token=…&receipt=…", LogText.RedactQuery("/assignments/x", new Microsoft.AspNetCore.Http.QueryString("?token=secret&receipt=abc")));

    [Fact]
    public async Task Logs_never_hold_a_token_a_raw_control_character_or_a_whole_hostile_id()
    {
        var logs = new CapturedLogs();
        await using (var service = await TestService.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Grader"] = "Debug",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            },
            configure: b => b.Logging.AddProvider(logs)))
        {
            using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
            await anonymous.GetAsync($"/?token={TestService.TaToken}");
            await service.PostAsync("assignment: \"x\\ny\\e[2J\"\nstudent: s\nanswers:\n  q: 1\n");
            await service.PostAsync(HostileCorpus.LongAssignmentId());
            await service.PostAsync(HostileCorpus.Text("answers/student-newline.yaml"));
            await Health.AssertServingAsync(service.Http);
        }

        var messages = logs.Messages.ToList();
        Assert.Contains(messages, m => m.Contains("?token=…", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("unknown assignment 'x\\u000Ay\\u001B[2J'", StringComparison.Ordinal));
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain(TestService.TaToken, m);
            Assert.DoesNotContain('\u001b', m);
            Assert.DoesNotContain("\nINFO forged", m);
            Assert.True(m.Length < 4000, $"a log message of {m.Length} characters");
        });
    }
}
