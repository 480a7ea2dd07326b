using Grader.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Grader.Data.Tests.Configurations;

public class StudentConfigurationTests
{
    [Theory]
    [InlineData("ada", "t2", "the same case-folded id")]
    [InlineData("bob", "t1", "the same token")]
    public async Task The_class_list_holds_one_row_per_id_and_per_token(string key, string token, string what)
    {
        using var database = new TestDatabase();
        await using (var db = database.Context())
        {
            db.Students.Add(Student("ada", "t1"));
            await db.SaveChangesAsync();
        }

        await using var again = database.Context();
        again.Students.Add(Student(key, token));
        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync());
        Assert.True(ex.InnerException!.Message.Contains("UNIQUE constraint failed: students." + (what.Contains("token") ? "Token" : "Key"), StringComparison.Ordinal), $"{what}: {ex.InnerException.Message}");
    }

    [Fact]
    public async Task A_student_reads_back_exactly()
    {
        using var database = new TestDatabase();
        var created = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = database.Context())
        {
            var s = Student("ada", "t1");
            s.StudentId = "Ada";
            s.Name = "Ada Lovelace";
            s.CreatedAt = created;
            db.Students.Add(s);
            await db.SaveChangesAsync();
        }

        await using var read = database.Context();
        var stored = await read.Students.SingleAsync();
        Assert.Equal(("Ada", "ada", "Ada Lovelace", (string?)null, "t1", created), (stored.StudentId, stored.Key, stored.Name, stored.Email, stored.Token, stored.CreatedAt));
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
    }

    private static Student Student(string key, string token) =>
        new() { StudentId = key, Key = key, Token = token, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
}
