using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Assignments;
using Grader.Domain.Policy;
using Grader.Worker.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Course;

/// <summary>
/// The course rules against the stored record: a student's attempt count and extension, whether
/// a submission received now is accepted, every student's standing, and extensions granted by TAs.
/// Students are identified by their id string alone.
/// </summary>
public sealed class CourseRules(
    IDbContextFactory<GraderDbContext> dbFactory,
    IOptions<GraderOptions> options,
    [FromKeyedServices(CourseRules.ClockKey)] TimeProvider time,
    IStandingUpdates standings)
{
    /// <summary>
    /// The key of the clock the course rules read (receipt times, key release): the system clock
    /// unless a test registers its own, which then moves nothing else (the job queue and the hosting keep the real time).
    /// </summary>
    public const string ClockKey = "course";

    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>The course's time zone (the <c>TimeZone</c> setting).</summary>
    public TimeZoneInfo Zone => options.Value.CourseZone;

    /// <summary>Now, by the service's clock.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>True when the policy needs the stored record to admit a submission (dates or an attempt limit).</summary>
    public static bool Restricts(CoursePolicy policy) =>
        policy.Opens is not null || policy.Due is not null || policy.Attempts.Max is not null || policy.Attempts.PenaltyPercent > 0;

    /// <summary>
    /// Holds one student's intake for one assignment, so that the attempt count read before a
    /// submission is stored cannot be raced by a second submission of theirs.
    /// </summary>
    public async Task<IDisposable> HoldAsync(string assignmentId, string student, CancellationToken ct)
    {
        var stripe = stripes[(int)((uint)HashCode.Combine(assignmentId, student) % (uint)stripes.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    /// <summary>Admits (or refuses, with the reason) a submission received at <paramref name="receivedAt"/>; Check never counts.</summary>
    public async Task<Admission> AdmitAsync(Assignment assignment, string student, DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earlier = await db.Submissions.CountAsync(s => s.AssignmentId == assignment.Id && s.Student == student && s.Status != SubmissionStatus.Rejected, ct);
        return PolicyEvaluator.Admit(assignment.Policy, Zone, receivedAt, earlier + 1, await ExtensionAsync(db, assignment.Id, student, ct));
    }

    /// <summary>A student's extended due date, or null.</summary>
    public async Task<DateTimeOffset?> ExtensionAsync(string assignmentId, string student, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ExtensionAsync(db, assignmentId, student, ct);
    }

    /// <summary>Every extension of an assignment, by student.</summary>
    public async Task<List<Extension>> ExtensionsAsync(string assignmentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Extensions.AsNoTracking().Where(e => e.AssignmentId == assignmentId).OrderBy(e => e.Student).ToListAsync(ct);
    }

    /// <summary>Grants (or moves) a student's due date for an assignment.</summary>
    public async Task<Extension> GrantAsync(string assignmentId, string student, DateTimeOffset due, string grantedBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await db.Extensions.SingleOrDefaultAsync(x => x.AssignmentId == assignmentId && x.Student == student, ct);
        if (e is null)
        {
            e = new Extension { AssignmentId = assignmentId, Student = student };
            db.Extensions.Add(e);
        }

        e.Due = due.UtcDateTime;
        e.GrantedBy = grantedBy;
        e.GrantedAt = Now.UtcDateTime;
        await db.SaveChangesAsync(ct);
        await standings.UpdateAsync(db, [(assignmentId, student)], ct: ct); // the student's standing, in the same transaction
        await tx.CommitAsync(ct);
        return e;
    }

    /// <summary>
    /// Takes back a student's extension of an assignment (the student's due date is the
    /// assignment's again) and updates their standing in the same transaction, as granting does;
    /// returns the extension removed, or null when the student had none.
    /// </summary>
    public async Task<Extension?> RevokeAsync(string assignmentId, string student, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var e = await db.Extensions.SingleOrDefaultAsync(x => x.AssignmentId == assignmentId && x.Student == student, ct);
        if (e is null)
        {
            return null;
        }

        db.Extensions.Remove(e);
        await db.SaveChangesAsync(ct);
        await standings.UpdateAsync(db, [(assignmentId, student)], ct: ct); // the student's standing, in the same transaction
        await tx.CommitAsync(ct);
        return e;
    }

    /// <summary>When <c>show_key: after_due</c> releases the keys of an assignment (every extension included), or null.</summary>
    public async Task<DateTimeOffset?> KeyReleaseAtAsync(Assignment assignment, CancellationToken ct) =>
        assignment.Policy.Due is null ? null
            : assignment.Policy.KeyReleaseAt(Zone, (await ExtensionsAsync(assignment.Id, ct)).Select(e => new DateTimeOffset(e.Due, TimeSpan.Zero)));

    private static async Task<DateTimeOffset?> ExtensionAsync(GraderDbContext db, string assignmentId, string student, CancellationToken ct) =>
        await db.Extensions.Where(e => e.AssignmentId == assignmentId && e.Student == student).Select(e => (DateTime?)e.Due).FirstOrDefaultAsync(ct) is { } due
            ? new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc))
            : null;

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
