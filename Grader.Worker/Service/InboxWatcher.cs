using Grader.Data;
using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Service;

/// <summary>
/// Takes in answer files dropped into the inbox folder. Each is stored (and queued) first, then
/// moved to <c>accepted/</c> (with its receipt, the link to its report, beside it in <c>NAME.receipt.txt</c>)
/// or <c>rejected/</c> (with its reason beside it in <c>NAME.reason.txt</c>).
/// A file seen again after a crash between the two steps is recognised by name and content and only moved.
/// </summary>
public sealed class InboxWatcher(
    SubmissionIntake intake,
    IDbContextFactory<GraderDbContext> dbFactory,
    ServiceLinks links,
    IOptions<GraderOptions> options,
    ILogger<InboxWatcher> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.GetFullPath(options.Value.InboxPath);
        Directory.CreateDirectory(inbox);
        Directory.CreateDirectory(Path.Combine(inbox, "accepted"));
        Directory.CreateDirectory(Path.Combine(inbox, "rejected"));
        logger.LogInformation("Watching inbox {Inbox}", inbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ScanAsync(inbox, stoppingToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Inbox scan failed; trying again");
            }

            await Task.Delay(options.Value.InboxPollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ScanAsync(string inbox, CancellationToken ct)
    {
        foreach (var path in Directory.EnumerateFiles(inbox).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var info = new FileInfo(path);
            if (name.StartsWith('.') || DateTime.UtcNow - info.LastWriteTimeUtc < TimeSpan.FromMilliseconds(300))
            {
                continue;
            }

            var limit = options.Value.MaxSubmissionBytes;
            byte[] content;
            await using (var stream = File.OpenRead(path))
            {
                var length = (int)Math.Min(stream.Length, limit + 1);
                content = new byte[length];
                await stream.ReadExactlyAsync(content, ct);
            }

            var truncated = info.Length > limit;
            if (truncated)
            {
                content = content[..(int)limit];
            }

            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            IntakeResult result;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var earlier = await db.Submissions.AsNoTracking()
                    .Where(s => s.Source == "inbox" && s.FileName == name && s.ContentHash == hash)
                    .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
                result = earlier is not null
                    ? new IntakeResult(earlier.Id, earlier.Status != SubmissionStatus.Rejected, earlier.Reason, earlier.ReceiptToken)
                    : await intake.AcceptAsync(content, "inbox", name, Students.Submitter.TrustedChannel, truncated, ct);
            }

            var target = Path.Combine(inbox, result.Accepted ? "accepted" : "rejected", $"{result.Id}-{name}");
            File.Move(path, target, overwrite: true);
            if (result.Accepted)
            {
                await File.WriteAllTextAsync(target + ".receipt.txt", Receipt(result), ct);
            }
            else
            {
                await File.WriteAllTextAsync(target + ".reason.txt", result.Reason + Environment.NewLine, ct);
            }
        }
    }

    private string Receipt(IntakeResult result) =>
        $"""
        submission {result.Id} accepted
        report: {links.Absolute(result.ReportPath)}
        status: {links.Absolute(result.StatusPath)}

        """;
}
