using System.Text;
using Grader.Data.Entities;
using Grader.Data;
using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Intake;

/// <summary>
/// Takes in answer files dropped into the inbox folder. Each is stored (and queued) first, then
/// moved to <c>accepted/</c> (with its receipt, the link to its report, beside it in <c>NAME.receipt.txt</c>)
/// or <c>rejected/</c> (with its reason beside it in <c>NAME.reason.txt</c>).
/// A file seen again after a crash between the two steps is recognised by name and content and only moved.
/// Only regular files with content are read: links are never followed (a link is moved aside,
/// not its target), and an entry that reports no size (empty, FIFO, device, socket) is set aside
/// without being opened, so nothing blocks the watcher. A file that keeps failing is set aside as
/// rejected with its reason after <see cref="ServiceLimits.InboxAttempts"/> tries; one bad file never
/// stops the others or the service. A file is taken only when whole: once its size and modification
/// time have not changed for <see cref="GraderOptions.InboxSettle"/> across two scans; names of files
/// still being written (<see cref="InProgress"/>) are left in place.
/// </summary>
public sealed class InboxWatcher(
    SubmissionIntake intake,
    IDbContextFactory<GraderDbContext> dbFactory,
    ServiceLinks links,
    IOptions<GraderOptions> options,
    IOptions<ServiceLimits> limits,
    ILogger<InboxWatcher> logger,
    DiskFaults diskFaults) : BackgroundService
{
    /// <summary>The longest name, in UTF-8 bytes, a file moved aside keeps (its reason or receipt file adds <c>.reason.txt</c> or <c>.receipt.txt</c> within 255).</summary>
    public const int MaxKeptNameBytes = 200;

    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Size, DateTime Modified, long Since)> seen = new(StringComparer.Ordinal);

    private static readonly string[] InProgressEndings = [".part", ".partial", ".tmp", ".crdownload", ".swp", "~"];

    /// <summary>
    /// True for a name that says its file is still being written, or is hidden: a start with <c>.</c>
    /// or <c>~</c>, an end in <c>.part</c>, <c>.partial</c>, <c>.tmp</c>, <c>.crdownload</c>, <c>.swp</c>
    /// or <c>~</c>. Such entries are never taken or moved (write under a dot-name, then rename).
    /// </summary>
    public static bool InProgress(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || InProgressEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.GetFullPath(options.Value.InboxPath);
        logger.LogInformation("Watching inbox {Inbox}", inbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Directory.CreateDirectory(Path.Combine(inbox, "accepted"));
                Directory.CreateDirectory(Path.Combine(inbox, "rejected"));
                await ScanAsync(inbox, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Inbox scan failed ({Reason}); trying again", LogText.Quote(ex.Message, 300));
            }

            await Task.Delay(options.Value.InboxPollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ScanAsync(string inbox, CancellationToken ct)
    {
        var entries = new DirectoryInfo(inbox).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        seen.Keys.Except(entries.Select(e => e.Name)).ToList().ForEach(gone => seen.Remove(gone));
        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            var isLink = entry.LinkTarget is not null;
            if (InProgress(entry.Name) || (entry is DirectoryInfo && !isLink) || (!isLink && !Settled((FileInfo)entry)))
            {
                continue;
            }

            try
            {
                await TakeAsync(inbox, entry, isLink, ct);
                failures.Remove(entry.Name);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (DiskFaults.Is(ex))
            {
                // A full disk is no fault of the file: it stays where it is, uncounted, and is
                // taken in by a later scan once there is space (logged at most once a minute).
                diskFaults.Report(ex, $"taking in inbox file {LogText.Quote(entry.Name)}");
            }
            catch (Exception ex)
            {
                var attempt = failures[entry.Name] = failures.GetValueOrDefault(entry.Name) + 1;
                logger.LogWarning("Inbox file {File} could not be taken in (attempt {Attempt} of {Attempts}): {Reason}",
                    LogText.Quote(entry.Name), attempt, limits.Value.InboxAttempts, LogText.Quote(ex.Message, 300));
                if (attempt >= limits.Value.InboxAttempts)
                {
                    failures.Remove(entry.Name);
                    TrySetAside(inbox, entry, null, $"could not be taken in after {attempt} attempts: {ex.Message}");
                }
            }
        }
    }

    /// <summary>
    /// True once the file's size and modification time are what an earlier scan saw, and have been
    /// for <see cref="GraderOptions.InboxSettle"/>. An exclusive open would not help: scp, cp and
    /// sync tools take no lock.
    /// </summary>
    private bool Settled(FileInfo file)
    {
        var now = TimeProvider.System.GetTimestamp();
        var state = (file.Length, file.LastWriteTimeUtc);
        if (!seen.TryGetValue(file.Name, out var before) || (before.Size, before.Modified) != state)
        {
            seen[file.Name] = (state.Length, state.LastWriteTimeUtc, now);
            return false;
        }

        return TimeProvider.System.GetElapsedTime(before.Since, now) >= options.Value.InboxSettle;
    }

    private async Task TakeAsync(string inbox, FileSystemInfo entry, bool isLink, CancellationToken ct)
    {
        if (isLink)
        {
            SetAside(inbox, entry, null, "a symbolic link: the inbox takes only regular files and never follows links");
            return;
        }

        var file = (FileInfo)entry;
        if (file.Length == 0)
        {
            SetAside(inbox, entry, null, "empty, or not a regular file (a FIFO, device or socket): the inbox takes only regular files with content");
            return;
        }

        var limit = options.Value.MaxSubmissionBytes;
        var (content, over) = file.Length > limit ? ([], true) : await SizeLimitedReader.ReadFileAsync(file.FullName, limit, ct);
        IntakeResult result;
        if (over)
        {
            result = await intake.RejectAsync($"the file is over the size limit of {limit} bytes (it was not stored)", "inbox", entry.Name, 413, ct);
        }
        else
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var earlier = await db.Submissions.AsNoTracking()
                .Where(s => s.Source == "inbox" && s.FileName == entry.Name && s.ContentHash == hash)
                .OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
            result = earlier is not null
                ? new IntakeResult(earlier.Id, earlier.Status != SubmissionStatus.Rejected, earlier.Reason, earlier.ReceiptToken)
                : await intake.AcceptAsync(content, "inbox", entry.Name, Submitter.TrustedChannel, false, ct);
        }

        if (result.Accepted)
        {
            // The receipt first: whoever sees the file gone from the inbox finds its receipt beside it.
            var target = Path.Combine(inbox, "accepted", KeptName(result.Id.ToString(), entry.Name));
            await File.WriteAllTextAsync(target + ".receipt.txt", Receipt(result), ct);
            File.Move(file.FullName, target, overwrite: true);
        }
        else
        {
            SetAside(inbox, entry, result.Id, result.Reason ?? "rejected");
        }
    }

    private void TrySetAside(string inbox, FileSystemInfo entry, long? id, string reason)
    {
        try
        {
            SetAside(inbox, entry, id, reason);
        }
        catch (Exception ex)
        {
            logger.LogError("Inbox file {File} could not be set aside either: {Reason}", LogText.Quote(entry.Name), LogText.Quote(ex.Message, 300));
        }
    }

    /// <summary>Moves an entry (a link itself, never its target) to <c>rejected/</c> with its reason beside it.</summary>
    private void SetAside(string inbox, FileSystemInfo entry, long? id, string reason)
    {
        var prefix = id?.ToString() ?? "refused-" + DateTime.UtcNow.ToString("yyyyMMddTHHmmssfff");
        var target = Path.Combine(inbox, "rejected", KeptName(prefix, entry.Name));

        // The reason first: whoever sees the entry gone from the inbox finds its reason beside it.
        File.WriteAllText(target + ".reason.txt", reason + Environment.NewLine);
        if (entry is DirectoryInfo)
        {
            Directory.Move(entry.FullName, target);
        }
        else
        {
            File.Move(entry.FullName, target, overwrite: true);
        }

        if (id is null)
        {
            logger.LogWarning("Inbox entry {File} set aside: {Reason}", LogText.Quote(entry.Name), LogText.Quote(reason, 300));
        }
    }

    private string Receipt(IntakeResult result) =>
        $"""
        submission {result.Id} accepted
        report: {links.Absolute(result.ReportPath)}
        status: {links.Absolute(result.StatusPath)}

        """;

    /// <summary><c>PREFIX-NAME</c>, the name cut (at a character boundary) to <see cref="MaxKeptNameBytes"/> UTF-8 bytes in all.</summary>
    public static string KeptName(string prefix, string name)
    {
        var kept = $"{prefix}-{name}";
        if (Encoding.UTF8.GetByteCount(kept) <= MaxKeptNameBytes)
        {
            return kept;
        }

        var sb = new StringBuilder();
        var bytes = 0;
        foreach (var rune in kept.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxKeptNameBytes - 3)
            {
                break;
            }

            sb.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        return sb.Append('…').ToString();
    }
}
