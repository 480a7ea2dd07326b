using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Hardening;

/// <summary>
/// A full disk while a file waits in the inbox: the file is left where it is (not counted as a
/// failed attempt, never set aside as rejected), and taken in and graded once there is space.
/// </summary>
[Collection("service")]
public class FullDiskInboxTests
{
    [Fact]
    public async Task An_inbox_file_waits_out_a_full_disk_and_is_graded_once_there_is_space()
    {
        var disk = new FullDisk();
        await using var service = await TestService.StartAsync(
            settings: new Dictionary<string, string?> { ["Grader:InboxSettle"] = "00:00:00.2" },
            configure: b => b.Services.AddSingleton<IInterceptor>(disk));
        var inbox = service.InboxPath;
        Directory.CreateDirectory(inbox);
        disk.Full = true; // after start-up, whose migrations write
        File.Copy(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"), Path.Combine(inbox, "ada.yaml"));

        // Far more scans than the three attempts a failing file gets before it is set aside.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (disk.WritesRefused < 5)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the inbox tried to store the file {disk.WritesRefused} time(s)");
            await Task.Delay(100);
        }

        Assert.True(File.Exists(Path.Combine(inbox, "ada.yaml")), "the file left the inbox while the disk was full");
        Assert.False(Directory.Exists(Path.Combine(inbox, "rejected")) && Directory.EnumerateFiles(Path.Combine(inbox, "rejected")).Any());

        disk.Full = false;
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (File.Exists(Path.Combine(inbox, "ada.yaml")))
        {
            Assert.True(DateTime.UtcNow < deadline, "the file was not taken in once there was space");
            await Task.Delay(100);
        }

        await using var db = service.Db();
        var stored = Assert.Single(db.Submissions);
        Assert.Equal(9, (await service.WaitForAsync([stored.Id]))[stored.Id].GetProperty("score").GetDouble()); // seed 004 scores 9 of 13
    }
}
