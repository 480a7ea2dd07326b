using System.Security.Cryptography;
using Grader.Data.Entities;
using Grader.Data;
using Grader.Domain.Students;
using Grader.Worker.Access;
using Microsoft.EntityFrameworkCore;

namespace Grader.Worker.Students;

/// <summary>
/// Changes the class list: imports add and update students (never delete one, nor any grade),
/// and a student's link can be replaced. Tokens are 32 random bytes, hex.
/// </summary>
public sealed class RosterService(IDbContextFactory<GraderDbContext> dbFactory, StudentDirectory directory)
{
    /// <summary>Adds new students and updates the name and e-mail of known ones (a blank field keeps the old value).</summary>
    public async Task<RosterImport> ImportAsync(RosterFile file, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Students.ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, ct);
        int added = 0, updated = 0, unchanged = 0;
        var now = DateTime.UtcNow;
        foreach (var row in file.Rows)
        {
            var key = StudentIds.Key(row.Student);
            if (!existing.TryGetValue(key, out var student))
            {
                student = new Student { StudentId = row.Student.Trim(), Key = key, Name = row.Name, Email = row.Email, Token = NewToken(), CreatedAt = now, UpdatedAt = now };
                db.Students.Add(student);
                existing[key] = student;
                added++;
                continue;
            }

            var name = row.Name ?? student.Name;
            var email = row.Email ?? student.Email;
            if (name == student.Name && email == student.Email)
            {
                unchanged++;
                continue;
            }

            student.Name = name;
            student.Email = email;
            student.UpdatedAt = now;
            updated++;
        }

        // New students may already have standings: the assignments' class-list totals are counted again, in the same transaction
        // (on PostgreSQL after the grade batches writing standings, which would otherwise miss the new students).
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            if (added > 0)
            {
                await StandingRows.LockForRecountAsync(db, ct);
            }

            await db.SaveChangesAsync(ct);
            if (added > 0)
            {
                await StandingRows.RecountListedAsync(db, ct);
            }

            await tx.CommitAsync(ct);
        }

        directory.Invalidate();
        return new RosterImport(added, updated, unchanged, file.Warnings);
    }

    /// <summary>Replaces a student's token (the old link stops working); null when the student is not on the list.</summary>
    public async Task<StudentIdentity?> ResetLinkAsync(string studentId, CancellationToken ct = default)
    {
        var key = StudentIds.Key(studentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var student = await db.Students.SingleOrDefaultAsync(s => s.Key == key, ct);
        if (student is null)
        {
            return null;
        }

        student.Token = NewToken();
        student.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        return new StudentIdentity(student.StudentId, student.Name, student.Email, student.Token);
    }

    /// <summary>The student with an id (compared trimmed and case-folded) as the database has it now, not as the directory last read it; null when not on the list.</summary>
    public async Task<StudentIdentity?> FindAsync(string studentId, CancellationToken ct = default)
    {
        var key = StudentIds.Key(studentId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Students.AsNoTracking().Where(s => s.Key == key)
            .Select(s => new StudentIdentity(s.StudentId, s.Name, s.Email, s.Token)).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Replaces a student's link only if it is still <paramref name="current"/>'s (one conditional
    /// update, so of two requests that saw the same link only one replaces it); null when the link
    /// has changed since <paramref name="current"/> was read (or the student is not on the list).
    /// </summary>
    public async Task<StudentIdentity?> ReplaceLinkAsync(StudentIdentity current, CancellationToken ct = default)
    {
        var key = StudentIds.Key(current.StudentId);
        var token = NewToken();
        var now = DateTime.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var replaced = await db.Students.Where(s => s.Key == key && s.Token == current.Token)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Token, token).SetProperty(s => s.UpdatedAt, now), ct);
        if (replaced == 0)
        {
            return null;
        }

        directory.Invalidate();
        return current with { Token = token };
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
