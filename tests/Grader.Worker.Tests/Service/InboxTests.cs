using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

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

        var accepted = Assert.Single(Directory.EnumerateFiles(Path.Combine(inbox, "accepted")));
        Assert.EndsWith("-ada.yaml", accepted);
        var rejected = Directory.EnumerateFiles(Path.Combine(inbox, "rejected")).Order().ToList();
        Assert.Equal(2, rejected.Count);
        Assert.Contains("unknown assignment 'nope'", await File.ReadAllTextAsync(rejected.Single(f => f.EndsWith(".reason.txt"))));

        await using var db = service.Db();
        var submission = await db.Submissions.SingleAsync(s => s.Status != SubmissionStatus.Rejected);
        await service.WaitForAsync([submission.Id]);
        Assert.Equal("inbox", submission.Source);
        Assert.Equal(1, await db.Submissions.CountAsync(s => s.Status == SubmissionStatus.Rejected));
    }
}
