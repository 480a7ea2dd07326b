using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Students;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Access;

/// <summary>
/// Who may ask for a regrade of a submission: its own student, signed in (token or cookie), or
/// the holder of its receipt. A TA's token alone does not ask on a student's behalf.
/// </summary>
public static class RegradeRequestAccess
{
    /// <summary>The submission, or the status and reason the request is refused (401 without a credential, 403 for someone else's or an unknown submission).</summary>
    public static async Task<(Submission? Submission, int Status, string? Error)> OwnedAsync(HttpContext http, long id, CancellationToken ct)
    {
        var access = Credentials.Of(http, http.RequestServices.GetRequiredService<TaTokenStore>());
        var student = await http.RequestServices.GetRequiredService<StudentSignIn>().StudentAsync(http.Request, ct: ct);
        if (student is null && access.Receipt is null)
        {
            return (null, access.IsTa ? 403 : 401, access.IsTa
                ? "a regrade is asked by the submission's student (their sign-in or the report's receipt), not with the TA token"
                : "sign in as the submission's student (your token or the report's receipt) to ask for a regrade");
        }

        var factory = http.RequestServices.GetRequiredService<IDbContextFactory<GraderDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        var owns = submission is not null
            && ((student is not null && submission.Student is not null && StudentIds.Same(student.StudentId, submission.Student))
                || (access.Receipt is not null && (access with { IsTa = false }).MayRead(submission.ReceiptToken)));
        return owns ? (submission, 200, null) : (null, 403, "this is not your submission");
    }
}
