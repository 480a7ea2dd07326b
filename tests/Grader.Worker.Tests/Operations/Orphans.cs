using Grader.Data.Entities;
using Grader.Worker.Tests.Service;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Tests.Operations;

/// <summary>Accepted submissions written straight into the database and never queued: the queue as a stuck cluster leaves it.</summary>
public static class Orphans
{
    public static async Task AddAsync(TestService service, int count, TimeSpan age)
    {
        await using var db = service.Db();
        var version = (await db.AssignmentVersions.SingleAsync(v => v.AssignmentId == "tanh-network" && v.IsCurrent)).Id;
        for (var i = 0; i < count; i++)
        {
            db.Submissions.Add(new Submission
            {
                ReceivedAt = DateTime.UtcNow - age, Content = [1], ContentHash = "h", Source = "api", AssignmentId = "tanh-network",
                Student = $"orphan-{i}", AssignmentVersionId = version, Status = SubmissionStatus.Accepted, ReceiptToken = $"orphan-{Guid.NewGuid():N}",
            });
        }

        await db.SaveChangesAsync();
    }
}
