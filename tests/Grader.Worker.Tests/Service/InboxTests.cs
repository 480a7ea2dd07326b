using Grader.Data.Entities;
using Grader.Worker.Tests.Hardening;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Service;

[Collection("service")]
public class InboxTests
{
    [Fact]
    public async Task Files_dropped_in_the_inbox_are_taken_in_and_moved_aside()
    {
        await using var service = await TestService.StartAsync();
        var inbox = service.InboxPath;
        Directory.CreateDirectory(inbox);
        File.Copy(Path.Combine(Repo.Assignments, "answers", "sin-network.seed-000.yaml"), Path.Combine(inbox, "ada.yaml"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "bad.yaml"), "assignment: nope\nstudent: s\nanswers: {q: 1}\n");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Directory.EnumerateFiles(inbox).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "inbox not emptied");
            await Task.Delay(100);
        }

        var acceptedFiles = Directory.EnumerateFiles(Path.Combine(inbox, "accepted")).Order().ToList();
        Assert.Equal(2, acceptedFiles.Count);
        var accepted = acceptedFiles[0];
        Assert.EndsWith("-ada.yaml", accepted);

        // The receipt beside it links to the submission's own report, which opens without the TA token.
        var receipt = await File.ReadAllTextAsync(Assert.Single(acceptedFiles, f => f.EndsWith("-ada.yaml.receipt.txt")));
        var reportUrl = receipt.Split('\n').Single(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..].Trim();
        Assert.StartsWith(service.Http.BaseAddress!.ToString().TrimEnd('/') + "/submissions/", reportUrl);
        var rejected = Directory.EnumerateFiles(Path.Combine(inbox, "rejected")).Order().ToList();
        Assert.Equal(2, rejected.Count);
        Assert.Contains("unknown assignment 'nope'", await File.ReadAllTextAsync(rejected.Single(f => f.EndsWith(".reason.txt"))));

        await using var db = service.Db();
        var submission = await db.Submissions.SingleAsync(s => s.Status != SubmissionStatus.Rejected);
        await service.WaitForAsync([submission.Id]);
        using var student = new HttpClient();
        var report = await student.GetAsync(reportUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, report.StatusCode);
        Assert.Contains($"Submission #{submission.Id}", await report.Content.ReadAsStringAsync());
        Assert.Equal("inbox", submission.Source);
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Rejected));
    }

    [Fact]
    public async Task A_file_that_cannot_be_taken_in_is_set_aside_with_the_reason_after_three_attempts()
    {
        var failing = new FailingInboxLookup();
        await using var service = await TestService.StartAsync(configure: b => b.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(failing));
        var inbox = service.InboxPath;
        Directory.CreateDirectory(inbox);
        File.Copy(Path.Combine(Repo.Assignments, "answers", "sin-network.seed-000.yaml"), Path.Combine(inbox, "ada.yaml"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.Exists(Path.Combine(inbox, "ada.yaml")))
        {
            Assert.True(DateTime.UtcNow < deadline, "the failing file was never set aside");
            await Task.Delay(100);
        }

        Assert.Equal(3, failing.Failures); // the default Grader:Limits:InboxAttempts
        var reason = await File.ReadAllTextAsync(Assert.Single(Directory.EnumerateFiles(Path.Combine(inbox, "rejected"), "*.reason.txt")));
        Assert.Contains("could not be taken in after 3 attempts: the disk is on fire", reason);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(inbox, "rejected"), "*ada.yaml"));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(inbox, "accepted")));
        await Health.AssertServingAsync(service.Http);
    }

    [Fact]
    public async Task A_file_written_slowly_by_another_process_is_taken_whole_and_graded_once_and_names_still_being_written_are_left_in_place()
    {
        await using var service = await TestService.StartAsync();
        var inbox = service.InboxPath;
        Directory.CreateDirectory(inbox);
        var whole = await File.ReadAllTextAsync(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"));
        var third = whole.Length / 3;
        string[] pieces = [whole[..third], whole[third..(2 * third)], whole[(2 * third)..]];
        string[] inProgress = [".hidden.yaml", "~lock.yaml", "a.yaml.part", "b.yaml.partial", "c.yaml.tmp", "d.yaml.crdownload", ".e.yaml.swp", "f.yaml~"];
        foreach (var name in inProgress)
        {
            await File.WriteAllTextAsync(Path.Combine(inbox, name), whole);
        }

        // A writer that is not .NET (as scp or a sync tool would be): three pieces, one second apart.
        var writer = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "printf '%s' \"$1\" > slow.yaml; sleep 1; printf '%s' \"$2\" >> slow.yaml; sleep 1; printf '%s' \"$3\" >> slow.yaml", "writer", pieces[0], pieces[1], pieces[2] },
            WorkingDirectory = inbox,
        })!;
        await writer.WaitForExitAsync();
        Assert.Equal(0, writer.ExitCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.Exists(Path.Combine(inbox, "slow.yaml")))
        {
            Assert.True(DateTime.UtcNow < deadline, "the slow file was never taken");
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // long enough for a second, wrongful take
        await using var db = service.Db();
        var stored = await db.Submissions.AsNoTracking().Where(s => s.Source == "inbox").ToListAsync();
        var submission = Assert.Single(stored);
        Assert.Equal(whole, System.Text.Encoding.UTF8.GetString(submission.Content));
        Assert.Equal(9, (await service.WaitForAsync([submission.Id]))[submission.Id].GetProperty("score").GetDouble()); // seed 004 scores 9 of 13 whole
        Assert.Equal(whole, await File.ReadAllTextAsync(Assert.Single(Directory.EnumerateFiles(Path.Combine(inbox, "accepted"), "*-slow.yaml"))));
        Assert.Equal(inProgress.Order(StringComparer.Ordinal), Directory.EnumerateFiles(inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(inbox, "rejected")));
    }
}
