using System.Diagnostics;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;
using Grader.Worker.Intake;

namespace Grader.Worker.Tests.Hardening;

[Collection("service")]
public class HostileInboxTests
{
    [Fact]
    public async Task Links_FIFOs_hostile_answers_and_long_names_are_set_aside_with_their_reasons_and_later_files_still_come_in()
    {
        await using var service = await TestService.StartAsync();
        var inbox = service.InboxPath;
        Directory.CreateDirectory(inbox);
        var longName = new string('r', 232) + ".yaml";
        File.CreateSymbolicLink(Path.Combine(inbox, "a-dangling.yaml"), "/nonexistent/answers.yaml");
        File.CreateSymbolicLink(Path.Combine(inbox, "b-passwd.yaml"), "/etc/passwd");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(inbox, "c-fifo.yaml")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.Copy(HostileCorpus.File("answers/conv-padding.yaml"), Path.Combine(inbox, "d-conv.yaml"));
        await File.WriteAllTextAsync(Path.Combine(inbox, longName), "assignment: nope\nstudent: s\nanswers: {q: 1}\n");
        File.Copy(Path.Combine(Repo.Assignments, "answers", "tanh-network.seed-004.yaml"), Path.Combine(inbox, "z-good.yaml"));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (new DirectoryInfo(inbox).EnumerateFileSystemInfos().Any(e => e is FileInfo || e.LinkTarget is not null))
        {
            Assert.True(DateTime.UtcNow < deadline, "inbox not emptied: " + string.Join(", ", Directory.EnumerateFileSystemEntries(inbox)));
            await Task.Delay(100);
        }

        var rejected = Path.Combine(inbox, "rejected");
        string ReasonOf(string suffix) => File.ReadAllText(Directory.EnumerateFiles(rejected, "*" + suffix + ".reason.txt").Single());
        Assert.Contains("a symbolic link: the inbox takes only regular files and never follows links", ReasonOf("-a-dangling.yaml"));
        Assert.Contains("a symbolic link", ReasonOf("-b-passwd.yaml"));
        Assert.Contains("not a regular file (a FIFO, device or socket)", ReasonOf("-c-fifo.yaml"));
        Assert.NotNull(new FileInfo(Directory.EnumerateFileSystemEntries(rejected, "*-b-passwd.yaml").Single()).LinkTarget);

        var kept = Directory.EnumerateFiles(rejected, "*rrrr*").Where(f => !f.EndsWith(".reason.txt")).Single();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(kept)) <= InboxWatcher.MaxKeptNameBytes);
        Assert.Contains("unknown assignment 'nope'", File.ReadAllText(kept + ".reason.txt"));

        var accepted = Directory.EnumerateFiles(Path.Combine(inbox, "accepted")).Where(f => !f.EndsWith(".receipt.txt")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, accepted.Count);
        Assert.EndsWith("-d-conv.yaml", accepted[0]);
        Assert.EndsWith("-z-good.yaml", accepted[1]);
        Assert.True(File.Exists(Path.Combine(inbox, "accepted", accepted[1] + ".receipt.txt")));

        await using var db = service.Db();
        Assert.False(await db.Submissions.AnyAsync(s => s.FileName == "b-passwd.yaml"), "a link's target is never read or stored");
        var conv = await db.Submissions.SingleAsync(s => s.FileName == "d-conv.yaml");
        var graded = (await service.WaitForAsync([conv.Id]))[conv.Id];
        Assert.Contains("must be at most the input size", graded.GetProperty("report").GetRawText());
        await Health.AssertServingAsync(service.Http);
    }

    [Theory]
    [InlineData(237)]
    [InlineData(255)]
    public void A_kept_name_leaves_room_for_its_reason_file(int length)
    {
        var name = InboxWatcher.KeptName("123456", new string('é', length / 2) + ".yaml");
        Assert.StartsWith("123456-é", name);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(name + ".reason.txt") <= 255);
    }
}
