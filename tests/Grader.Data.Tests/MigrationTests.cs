using Grader.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Grader.Data.Tests;

public class MigrationTests
{
    private static readonly string ReleaseOneSchema = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "release-1-schema.sql"));

    [Fact]
    public void The_first_migration_creates_exactly_the_schema_release_1_created()
    {
        using var folder = new TempFolder();
        var released = Path.Combine(folder.Path, "released.db");
        Execute(released, ReleaseOneSchema);
        var migrated = Path.Combine(folder.Path, "migrated.db");
        using (var db = Context(migrated))
        {
            db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().First());
        }

        var expected = Schema(released).Where(s => !s.Name.Contains("QRTZ_", StringComparison.Ordinal)).ToList();
        var actual = Schema(migrated).Where(s => !s.Name.Contains("__EF", StringComparison.Ordinal)).ToList();
        Assert.Equal(13, expected.Count); // 3 tables, 9 indexes, sqlite_sequence
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_release_1_database_is_upgraded_in_place_with_every_submission_grade_and_assignment_version_kept()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "grader.db");
        Execute(path, ReleaseOneSchema + """
            PRAGMA journal_mode=WAL;
            INSERT INTO assignment_versions (Id, AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES
              (1, 'tanh-network', 'aaa', 'id: tanh-network', '/a/tanh-network.yaml', '2026-11-20 09:00:00', 0),
              (2, 'tanh-network', 'bbb', 'id: tanh-network # v2', '/a/tanh-network.yaml', '2026-11-21 10:30:00.25', 1);
            INSERT INTO submissions (Id, ReceivedAt, Content, ContentHash, Source, FileName, AssignmentId, Student, AssignmentVersionId, Status, Reason, Generation, ReceiptToken) VALUES
              (1, '2026-11-20 09:05:00.1234567', X'617373', 'h1', 'api', NULL, 'tanh-network', 's1', 2, 'Graded', NULL, 1, 'r1'),
              (2, '2026-11-20 09:06:00', X'00FF', 'h2', 'inbox', 'x.yaml', NULL, NULL, NULL, 'Rejected', 'not an answer file', 0, 'r2'),
              (3, '2026-11-21 11:00:00', X'7B7D', 'h3', 'api', NULL, 'tanh-network', 's2', 2, 'Accepted', NULL, 0, 'r3');
            INSERT INTO grades (SubmissionId, Generation, AssignmentVersionId, Score, MaxScore, ReportJson, GradedAt, IsCurrent) VALUES
              (1, 0, 1, 10, 13, '{"score":10}', '2026-11-20 09:05:01', 0),
              (1, 1, 2, 7.5, 13, '{"score":7.5}', '2026-11-21 10:31:00', 1);
            INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES ('grader', 'TRIGGER_ACCESS');
            """);

        using (var db = Context(path))
        {
            SqliteDatabase.Initialise(db);
            Assert.Empty(db.Database.GetPendingMigrations());
            Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        }

        // The old job store's tables are gone, nothing else; later migrations add their tables (students, extensions, score_overrides, regrade_requests, answer_group_rules, standings, standings_computed, data_protection_keys).
        Assert.Equal(["__EFMigrationsHistory", "__EFMigrationsLock", "answer_group_rules", "assignment_versions", "data_protection_keys", "extensions", "grades", "regrade_requests", "score_overrides", "sqlite_sequence", "standings", "standings_computed", "students", "submissions"], Schema(path).Where(s => s.Sql?.StartsWith("CREATE TABLE", StringComparison.Ordinal) == true).Select(s => s.Name).Order(StringComparer.Ordinal));

        await using var read = Context(path);
        var versions = await read.AssignmentVersions.OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(["aaa", "bbb"], versions.Select(v => v.Hash));
        Assert.Equal(new DateTime(2026, 11, 21, 10, 30, 0, 250, DateTimeKind.Utc), versions[1].LoadedAt);
        Assert.True(versions[1].IsCurrent);

        var submissions = await read.Submissions.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([SubmissionStatus.Graded, SubmissionStatus.Rejected, SubmissionStatus.Accepted], submissions.Select(s => s.Status));
        Assert.Equal(new DateTime(2026, 11, 20, 9, 5, 0, 123, DateTimeKind.Utc).AddTicks(4567), submissions[0].ReceivedAt);
        Assert.Equal("ass"u8.ToArray(), submissions[0].Content);
        Assert.Equal("not an answer file", submissions[1].Reason);
        Assert.Equal(1, submissions[0].Generation);

        var grades = await read.Grades.OrderBy(g => g.Generation).ToListAsync();
        Assert.Equal([10, 7.5], grades.Select(g => g.Score));
        Assert.Equal([false, true], grades.Select(g => g.IsCurrent));

        // The service goes on writing to the upgraded file: ids continue after the old ones.
        read.Submissions.Add(new Submission { ReceivedAt = DateTime.UtcNow, Content = [1], ContentHash = "h4", Source = "api", Status = SubmissionStatus.Rejected, ReceiptToken = "r4" });
        await read.SaveChangesAsync();
        Assert.Equal(4, await read.Submissions.MaxAsync(s => s.Id));
    }

    [Fact]
    public async Task A_database_of_the_previous_release_gains_regrade_requests_with_nothing_lost()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "grader.db");
        using (var db = Context(path))
        {
            // The previous release's schema: every migration before AddRegradeRequests.
            var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_AddRegradeRequests", StringComparison.Ordinal)).Last();
            Assert.EndsWith("_AddCoursePolicy", previous);
            db.GetService<IMigrator>().Migrate(previous);
        }

        Execute(path, """
            INSERT INTO assignment_versions (Id, AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES (1, 'hw', 'aaa', 'id: hw', '/a/hw.yaml', '2026-11-20 09:00:00', 1);
            INSERT INTO submissions (Id, ReceivedAt, Content, ContentHash, Source, FileName, AssignmentId, Student, AssignmentVersionId, Status, Reason, Generation, ReceiptToken) VALUES
              (1, '2026-11-20 09:05:00', X'617373', 'h1', 'api', NULL, 'hw', 'ada', 1, 'Graded', NULL, 0, 'r1');
            INSERT INTO grades (SubmissionId, Generation, AssignmentVersionId, Score, MaxScore, ReportJson, GradedAt, IsCurrent) VALUES (1, 0, 1, 3, 4, '{"score":3}', '2026-11-20 09:05:01', 1);
            INSERT INTO score_overrides (SubmissionId, QuestionId, Score, AutoScore, Comment, By, At) VALUES (1, 'q', 1, 0, 'fine', 'jo', '2026-11-21 10:00:00');
            """);

        using (var db = Context(path))
        {
            SqliteDatabase.Initialise(db);
            Assert.Empty(db.Database.GetPendingMigrations());
        }

        await using var read = Context(path);
        Assert.Equal("aaa", (await read.AssignmentVersions.SingleAsync()).Hash);
        Assert.Equal("ada", (await read.Submissions.SingleAsync()).Student);
        Assert.Equal(3, (await read.Grades.SingleAsync()).Score);
        Assert.Equal("jo", (await read.ScoreOverrides.SingleAsync()).By);
        Assert.Empty(await read.RegradeRequests.ToListAsync());
        read.RegradeRequests.Add(new RegradeRequest { SubmissionId = 1, AssignmentId = "hw", Student = "ada", QuestionId = "q", Comment = "please", AskedAt = DateTime.UtcNow });
        await read.SaveChangesAsync();
        Assert.Equal("please", (await read.RegradeRequests.SingleAsync()).Comment);
    }

    [Fact]
    public async Task A_database_of_the_previous_release_gains_answer_groups_with_nothing_lost()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "grader.db");
        using (var db = Context(path))
        {
            // The previous release's schema: every migration before AddAnswerGroups.
            var previous = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_AddAnswerGroups", StringComparison.Ordinal)).Last();
            Assert.EndsWith("_AddRegradeRequests", previous);
            db.GetService<IMigrator>().Migrate(previous);
        }

        Execute(path, """
            INSERT INTO assignment_versions (Id, AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES (1, 'hw', 'aaa', 'id: hw', '/a/hw.yaml', '2026-11-20 09:00:00', 1);
            INSERT INTO submissions (Id, ReceivedAt, Content, ContentHash, Source, FileName, AssignmentId, Student, AssignmentVersionId, Status, Reason, Generation, ReceiptToken) VALUES
              (1, '2026-11-20 09:05:00', X'617373', 'h1', 'api', NULL, 'hw', 'ada', 1, 'Graded', NULL, 0, 'r1');
            INSERT INTO grades (SubmissionId, Generation, AssignmentVersionId, Score, MaxScore, ReportJson, GradedAt, IsCurrent) VALUES (1, 0, 1, 3, 4, '{"score":3}', '2026-11-20 09:05:01', 1);
            INSERT INTO score_overrides (SubmissionId, QuestionId, Score, AutoScore, Comment, By, At) VALUES (1, 'q', 1, 0, 'fine', 'jo', '2026-11-21 10:00:00');
            INSERT INTO score_overrides (SubmissionId, QuestionId, Score, AutoScore, Comment, By, At) VALUES (1, 'q', 0.5, 0, 'less', 'al', '2026-11-22 10:00:00');
            INSERT INTO regrade_requests (SubmissionId, AssignmentId, Student, QuestionId, Comment, AskedAt) VALUES (1, 'hw', 'ada', 'q', 'please', '2026-11-21 09:00:00');
            """);

        using (var db = Context(path))
        {
            SqliteDatabase.Initialise(db);
            Assert.Empty(db.Database.GetPendingMigrations());
        }

        await using var read = Context(path);
        Assert.Equal(3, (await read.Grades.SingleAsync()).Score);
        var overrides = await read.ScoreOverrides.OrderBy(o => o.At).ToListAsync();
        Assert.Equal(["jo", "al"], overrides.Select(o => o.By));
        Assert.All(overrides, o => Assert.Null(o.AnswerGroupRuleId));
        Assert.Equal("please", (await read.RegradeRequests.SingleAsync()).Comment);
        var rule = new AnswerGroupRule { AssignmentId = "hw", QuestionId = "q", GroupKey = "k", Answer = "0.5", Score = 1, Comment = "sign slip", By = "jo", At = DateTime.UtcNow };
        read.AnswerGroupRules.Add(rule);
        await read.SaveChangesAsync();
        read.ScoreOverrides.Add(new ScoreOverrideRecord { SubmissionId = 1, QuestionId = "q", Score = 1, Comment = "sign slip", By = "jo", At = DateTime.UtcNow, AnswerGroupRuleId = rule.Id });
        await read.SaveChangesAsync();
        Assert.Equal(rule.Id, (await read.ScoreOverrides.SingleAsync(o => o.AnswerGroupRuleId != null)).AnswerGroupRuleId);

        // One override per submission, question and rule.
        read.ScoreOverrides.Add(new ScoreOverrideRecord { SubmissionId = 1, QuestionId = "q", Score = 1, Comment = "again", By = "jo", At = DateTime.UtcNow, AnswerGroupRuleId = rule.Id });
        await Assert.ThrowsAsync<DbUpdateException>(() => read.SaveChangesAsync());
    }

    [Theory]
    [InlineData("_DropReceiptTokenIndex", "IX_submissions_ReceiptToken")] // a receipt is checked on the submission read by its id
    [InlineData("_DropAssignmentVersionIndexes", "IX_submissions_AssignmentVersionId")] // no read goes by version, and none is deleted
    [InlineData("_DropAssignmentVersionIndexes", "IX_grades_AssignmentVersionId")]
    [InlineData("_IndexAcceptedSubmissionsOnly", "IX_submissions_Status")]
    public void An_index_no_read_needs_is_dropped_with_every_row_kept(string migration, string index)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "grader.db");
        using (var db = Context(path))
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            migrator.Migrate(migrations[migrations.IndexOf(migrations.Single(m => m.EndsWith(migration, StringComparison.Ordinal))) - 1]);
            Assert.Contains(Schema(path), s => s.Name == index);
            Execute(path, """
                INSERT INTO assignment_versions (Id, AssignmentId, Hash, Text, SourcePath, LoadedAt, IsCurrent) VALUES (1, 'a', 'h', 'id: a', 'a.yaml', '2026-12-01 09:00:00', 1);
                INSERT INTO submissions (Id, ReceivedAt, Content, ContentHash, Source, AssignmentId, Student, AssignmentVersionId, Status, Generation, ReceiptToken)
                VALUES (1, '2026-12-01 10:00:00', x'01', 'h', 'api', 'a', 's1', 1, 'Graded', 0, 'receipt-one'), (2, '2026-12-01 10:00:01', x'02', 'h', 'api', 'a', 's2', 1, 'Accepted', 0, 'receipt-two');
                INSERT INTO grades (SubmissionId, Generation, AssignmentVersionId, Score, MaxScore, ReportJson, GradedAt, IsCurrent) VALUES (1, 0, 1, 2, 3, '{}', '2026-12-01 10:00:02', 1);
                """);
            migrator.Migrate();
        }

        Assert.DoesNotContain(Schema(path), s => s.Name == index);
        using var read = Context(path);
        Assert.Equal(["receipt-one", "receipt-two"], read.Submissions.OrderBy(s => s.Id).Select(s => s.ReceiptToken).ToList());
        Assert.Equal([SubmissionStatus.Graded, SubmissionStatus.Accepted], read.Submissions.OrderBy(s => s.Id).Select(s => s.Status).ToList());
        Assert.Equal((1L, 2.0, 1L), read.Grades.Select(g => new { g.SubmissionId, g.Score, g.AssignmentVersionId }).AsEnumerable().Select(g => (g.SubmissionId, g.Score, g.AssignmentVersionId)).Single());
    }

    [Fact]
    public void Migrating_twice_changes_nothing()
    {
        using var database = new TestDatabase();
        using var db = database.Context();
        var before = Schema(database.Path);
        SqliteDatabase.Initialise(db);
        Assert.Equal(before, Schema(database.Path));
    }

    private static GraderDbContext Context(string path) => new(SqliteDatabase.Configure(new DbContextOptionsBuilder<GraderDbContext>(), path).Options);

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<(string Name, string? Sql)> Schema(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master ORDER BY name";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }
}
