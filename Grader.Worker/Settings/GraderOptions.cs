namespace Grader.Worker.Settings;

/// <summary>
/// The service's settings, section <c>Grader</c> of appsettings.json, overridable by environment
/// variables <c>Grader__Name</c>. Relative paths are relative to the working directory.
/// </summary>
public sealed class GraderOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Grader";

    /// <summary>The database provider and, for PostgreSQL, its connection string.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>The SQLite file holding submissions, assignment versions and grades (provider sqlite).</summary>
    public string DatabasePath { get; set; } = "data/grader.db";

    /// <summary>The folder of assignment files loaded at start and on regrade.</summary>
    public string AssignmentsPath { get; set; } = "assignments";

    /// <summary>The inbox folder: answer files dropped here are taken in.</summary>
    public string InboxPath { get; set; } = "data/inbox";

    /// <summary>The address to listen on.</summary>
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How many submissions are graded at once.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>The largest submission accepted, in bytes.</summary>
    public long MaxSubmissionBytes { get; set; } = Domain.Limits.MaxFileBytes;

    /// <summary>The TA token for report pages and exports; when empty one is generated at first start.</summary>
    public string? TaToken { get; set; }

    /// <summary>
    /// Whether intake grades an accepted file itself and stores its grade in the same commit as the
    /// submission (on by default): one durable transaction per burst instead of two, and no grading
    /// job. When storing the grade fails (before the commit), or when this is off, the submission is stored alone and queued
    /// for a grading job (Hangfire) as before; regrades, the start-up scan and the orphan sweep always
    /// go through the queue.
    /// </summary>
    public bool GradeAtIntake { get; set; } = true;

    /// <summary>How long the queue waits after a submission arrives to gather others into the same grading job.</summary>
    public TimeSpan QueueLinger { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The queue's wait under load: after a grading job of 32 submissions or more, the next one
    /// gathers this long, so that jobs hold more submissions when each job's own cost counts most.
    /// Unset: 80 ms with PostgreSQL, where each job costs Hangfire's round trips to the database,
    /// and <see cref="QueueLinger"/> on SQLite, where Hangfire's queue is in memory.
    /// </summary>
    public TimeSpan? QueueLingerUnderLoad { get; set; }

    /// <summary>The queue's wait under load in effect (<see cref="QueueLingerUnderLoad"/> or its default).</summary>
    public TimeSpan LingerUnderLoad => QueueLingerUnderLoad ?? (Database.IsPostgres ? TimeSpan.FromMilliseconds(80) : QueueLinger);

    /// <summary>
    /// PostgreSQL only: whether Hangfire's own commits (a grading job's creation, fetch and states)
    /// wait for the server's disk. Off by default (<c>synchronous_commit=off</c> on Hangfire's
    /// connections only): a server crash can lose its last fraction of a second of queue changes,
    /// never a submission or a grade, and the orphan sweep (<see cref="OrphanSweep"/>) queues again
    /// what was lost. Submissions and grades always wait for the disk.
    /// </summary>
    public bool QueueSynchronousCommit { get; set; }

    /// <summary>How long the class list is cached before it is read again (a list imported elsewhere is seen within this time).</summary>
    public TimeSpan RosterRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The address people use to reach the service, for links in receipts (default: the listening address).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// PostgreSQL only: when the recurring job that queues submissions a dead node left unqueued
    /// runs (a cron expression; seconds may be given as a sixth field first). Every minute by default.
    /// </summary>
    public string OrphanSweep { get; set; } = "* * * * *";

    /// <summary>
    /// The course's time zone (an IANA name such as Europe/Berlin): assignment dates written
    /// without a UTC offset are read in it, unless the assignment sets its own <c>timezone</c>.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The course's time zone, resolved (UTC when the setting names no known zone).</summary>
    public TimeZoneInfo CourseZone => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>How long the assignments folder must be quiet after a change before it is re-read (published).</summary>
    public TimeSpan PublishDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the inbox is scanned.</summary>
    public TimeSpan InboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long an inbox file's size and modification time must stay unchanged (across two scans
    /// at least) before it is taken: a slow copy (scp, a network share, a sync tool) is never
    /// taken half-written.
    /// </summary>
    public TimeSpan InboxSettle { get; set; } = TimeSpan.FromSeconds(2);
}
