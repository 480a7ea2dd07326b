using System.Net.Http.Json;
using Grader.Worker.Reports;
using Grader.Worker.Tests.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Grader.Worker.Tests.Reports;

/// <summary>
/// The stored standings (written with each grade, override and extension, recomputed when the
/// rules change) and each assignment's stored totals (settled submissions, counted students and
/// their sum, the class list's, the most attempts) equal the ones recomputed from every submission
/// after each step of a script, and a database without the table, or without the totals, gets them
/// computed once at start.
/// </summary>
[Collection("service")]
public class StandingStoreTests
{
    // Steps: "s STUDENT HOURS SEED" submits (HOURS from the due date, SEED picks the answers),
    // "o STUDENT SCORE" overrides the question forward of the student's latest submission,
    // "e STUDENT HOURS" grants an extension, "x STUDENT" takes it back, "r YAML" publishes new rules (added to the base rules),
    // "g" regrades every submission, "l STUDENT,STUDENT" imports a class list (then nothing more is submitted),
    // "a SCORE" gives the largest wrong-answer group of the question forward that score, "u" undoes that.
    [Theory]
    [InlineData("gradebook: best\n", "s a -5 1;s b -4 2;s a -3 3;s c 10 4;s c 30 5;o a 0;o c 1;e c 40;s b 2 6")]
    [InlineData("gradebook: latest\n", "s a -5 1;s a 5 2;s b 20 3;s b -1 4;e a 10;o b 0;r gradebook: best\n;s c 1 5")]
    [InlineData("attempts: { max: 4, penalty: 10% }\n", "s a -5 7;s a -4 8;s a -3 9;s b 50 1;e b 60;s b 55 2;r attempts: { max: 4, penalty: 25% }\n;o a 0")]
    [InlineData("gradebook: latest\nattempts: { penalty: 5% }\n", "s a 1 1;s b 2 2;s a 25 3;r gradebook: best\n;e a 30;o a 1;r gradebook: latest\n")]
    [InlineData("gradebook: best\n", "s a -5 1;s b -4 2;s a 3 3;s c -1 4;g;o b 0;l a,B,d;e a 10;o a 1;g")]
    [InlineData("gradebook: latest\n", "s a -5 1;s b -4 2;s c 3 3;s d -1 4;s a 1 5;a 0.5;s e 2 6;u;a 1")]
    [InlineData("gradebook: best\n", "s a -5 1;e a 10;s a 8 2;s b 3 3;x a;e b 5;o a 1;x b")]
    public async Task The_stored_standing_equals_the_recomputed_one_after_every_step(string rules, string script)
    {
        var clock = new TestClock();
        await using var service = await TestService.StartAsync(clock: clock);
        var due = new DateTimeOffset(clock.Now.UtcDateTime.Date.AddDays(2).AddHours(17), TimeSpan.Zero);
        var baseRules = $"late: {{ until: {PolicyIntakeTests.Iso(due.AddDays(3))}, penalty: 10% per day }}\n";
        await PolicyIntakeTests.PolicyAsync(service, due, baseRules + rules);
        clock.Stopped = true;
        var latest = new Dictionary<string, long>();
        var all = new List<long>();
        long? rule = null;
        foreach (var step in script.Split(';'))
        {
            var w = step.Split(' ', 2 + (step[0] == 'r' ? 0 : 2));
            switch (w[0])
            {
                case "s":
                    clock.Now = due.AddHours(double.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture));
                    var (status, body) = await service.PostAsync(AnswerFiles.For("tanh-network", w[1], int.Parse(w[3], System.Globalization.CultureInfo.InvariantCulture)));
                    Assert.Equal(202, status);
                    latest[w[1]] = body.GetProperty("id").GetInt64();
                    all.Add(latest[w[1]]);
                    await service.WaitForAsync([latest[w[1]]]);
                    break;
                case "o":
                    using (var r = await service.Http.PostAsJsonAsync($"/api/submissions/{latest[w[1]]}/overrides", new { question = "forward", score = double.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture), comment = "x" }))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                    }

                    break;
                case "e":
                    using (var r = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/extensions", new { student = w[1], due = PolicyIntakeTests.Iso(due.AddHours(double.Parse(w[2], System.Globalization.CultureInfo.InvariantCulture))) }))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                    }

                    break;
                case "x":
                    using (var r = await service.Http.DeleteAsync($"/api/assignments/tanh-network/extensions/{w[1]}"))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                    }

                    break;
                case "a":
                    var groups = await service.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/assignments/tanh-network/answer-groups?question=forward");
                    var largest = groups.EnumerateArray().Where(g => g.GetProperty("students").GetInt32() > 0).MaxBy(g => g.GetProperty("students").GetInt32());
                    using (var r = await service.Http.PostAsJsonAsync("/api/assignments/tanh-network/answer-groups", new { question = "forward", key = largest.GetProperty("key").GetString(), score = double.Parse(w[1], System.Globalization.CultureInfo.InvariantCulture), comment = "x", by = "jo" }))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                        rule = (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("rule").GetProperty("id").GetInt64();
                    }

                    break;
                case "u":
                    using (var r = await service.Http.DeleteAsync($"/api/assignments/tanh-network/answer-groups/{rule}"))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                    }

                    break;
                case "g":
                    using (var r = await service.Http.PostAsync("/api/assignments/tanh-network/regrade", null))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                    }

                    await service.WaitForAsync(all);
                    break;
                case "l":
                    using (var r = await service.Http.PostAsync("/api/roster", new StringContent("student\n" + w[1].Replace(',', '\n') + "\n", System.Text.Encoding.UTF8, "text/csv")))
                    {
                        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
                    }

                    break;
                case "r":
                    var file = Path.Combine(service.AssignmentsPath, "tanh-network.yaml");
                    var text = await File.ReadAllTextAsync(file);
                    var start = text.IndexOf("late: ", StringComparison.Ordinal);
                    var end = text.IndexOf("\n", text.IndexOf("late: ", StringComparison.Ordinal), StringComparison.Ordinal) + 1;
                    var rest = text[end..];
                    foreach (var key in new[] { "gradebook:", "attempts:" })
                    {
                        rest = string.Join('\n', rest.Split('\n').Where(l => !l.StartsWith(key, StringComparison.Ordinal)));
                    }

                    await File.WriteAllTextAsync(file, text[..start] + baseRules + w[1] + rest);
                    using (var publish = await service.Http.PostAsync("/api/assignments/publish", null))
                    {
                        Assert.Equal(200, (int)publish.StatusCode);
                    }

                    break;
            }

            await AssertSameAsync(service, step);
        }
    }

    [Fact]
    public async Task A_database_without_the_standings_gets_them_computed_once_at_start()
    {
        var dir = new TempDir();
        try
        {
            List<(string, long, double, int)> before;
            await using (var service = await TestService.StartAsync(reuse: dir))
            {
                var ids = new List<long>();
                foreach (var (student, seed) in new[] { ("a", 1), ("b", 2), ("a", 3), ("c", 4) })
                {
                    ids.Add((await service.PostAsync(AnswerFiles.For("tanh-network", student, seed))).Body.GetProperty("id").GetInt64());
                }

                await service.WaitForAsync(ids);
                before = Stored(service);
                Assert.Equal(["a", "b", "c"], before.Select(s => s.Item1));
            }

            // The previous release's database: no standings tables, and their migration not applied.
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(dir.Path, "grader.db")};Pooling=false"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "DROP TABLE standings; DROP TABLE standings_computed; DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" LIKE '%_AddStandings' OR \"MigrationId\" LIKE '%_AddStandingTotals';";
                command.ExecuteNonQuery();
            }

            await using (var service = await TestService.StartAsync(reuse: dir))
            {
                // Read straight from the table, before any page asks: computed at start.
                Assert.Equal(before, Stored(service));
                await AssertSameAsync(service, "after the upgrade");
            }
        }
        finally
        {
            dir.Dispose();
        }
    }

    [Fact]
    public async Task A_database_with_standings_but_no_totals_gets_them_computed_by_the_migration()
    {
        var dir = new TempDir();
        try
        {
            await using (var service = await TestService.StartAsync(reuse: dir))
            {
                var ids = new List<long>();
                foreach (var (student, seed) in new[] { ("a", 1), ("b", 2), ("a", 3), ("c", 4), ("a", 5) })
                {
                    ids.Add((await service.PostAsync(AnswerFiles.For("tanh-network", student, seed))).Body.GetProperty("id").GetInt64());
                }

                await service.WaitForAsync(ids);
                using var r = await service.Http.PostAsync("/api/roster", new StringContent("student\nA\nc\nz\n", System.Text.Encoding.UTF8, "text/csv"));
                Assert.True(r.IsSuccessStatusCode);
            }

            // The previous release's database: the standings and their markers, without the totals' columns and indexes.
            using (var connection = new SqliteConnection($"Data Source={Path.Combine(dir.Path, "grader.db")};Pooling=false"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = """
                    DROP INDEX "IX_standings_AssignmentId_MaxScore"; DROP INDEX "IX_standings_AssignmentId_StudentKey";
                    ALTER TABLE standings_computed DROP COLUMN "Settled"; ALTER TABLE standings_computed DROP COLUMN "Students";
                    ALTER TABLE standings_computed DROP COLUMN "CountedSum"; ALTER TABLE standings_computed DROP COLUMN "ListedStudents";
                    ALTER TABLE standings_computed DROP COLUMN "ListedSum"; ALTER TABLE standings_computed DROP COLUMN "MaxAttempts";
                    DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_AddStandingTotals';
                    """;
                command.ExecuteNonQuery();
            }

            await using (var service = await TestService.StartAsync(reuse: dir))
            {
                using (var db = service.Db())
                {
                    var marker = db.StandingsComputed.Single(m => m.AssignmentId == "tanh-network");
                    Assert.Equal((5, 3, 3, 2), (marker.Settled, marker.Students, marker.MaxAttempts, marker.ListedStudents)); // a, b, c; a made 3; A (a) and c listed
                }

                await AssertSameAsync(service, "after the upgrade");
            }
        }
        finally
        {
            dir.Dispose();
        }
    }

    private static List<(string, long, double, int)> Stored(TestService service)
    {
        using var db = service.Db();
        return [.. db.Standings.Where(s => s.AssignmentId == "tanh-network").AsEnumerable().OrderBy(s => s.Student, StringComparer.Ordinal)
            .Select(s => (s.Student, s.SubmissionId, Math.Round(s.Counted, 9), s.Attempts))];
    }

    private static async Task AssertSameAsync(TestService service, string step)
    {
        var records = service.Services.GetRequiredService<ClassRecords>();
        var store = service.Services.GetRequiredService<StandingStore>();
        var submissions = await records.SubmissionsAsync("tanh-network");
        var recomputedStandings = await records.StandingsAsync("tanh-network", submissions);
        var recomputed = recomputedStandings.Select(Key).ToList();
        var stored = (await store.StandingsAsync("tanh-network")).Select(Key).ToList();
        Assert.True(recomputed.Count > 0, step);
        Assert.True(recomputed.SequenceEqual(stored), $"after '{step}':\nrecomputed {string.Join("; ", recomputed)}\nstored     {string.Join("; ", stored)}");
        Assert.Equal(Rounded(await records.AssignmentsAsync()), Rounded(await store.SummariesAsync()));

        // The assignment's stored totals, against the same sums over the recomputed standings and every submission.
        var classList = (await service.Services.GetRequiredService<Grader.Worker.Access.StudentDirectory>().ListAsync())
            .Select(s => Grader.Domain.Students.StudentIds.Key(s.StudentId)).ToHashSet(StringComparer.Ordinal);
        var listed = recomputedStandings.Where(s => classList.Contains(Grader.Domain.Students.StudentIds.Key(s.Student))).ToList();
        var totals = await store.TotalsAsync("tanh-network");
        Assert.NotNull(totals);
        var expected = (
            Settled: submissions.Count(r => r.Status is Grader.Data.Entities.SubmissionStatus.Graded or Grader.Data.Entities.SubmissionStatus.Failed),
            Students: recomputedStandings.Count, Sum: Math.Round(recomputedStandings.Sum(s => s.Total), 9),
            Listed: listed.Count, ListedSum: Math.Round(listed.Sum(s => s.Total), 9),
            MaxAttempts: submissions.Where(r => r.Student is not null && r.Status != Grader.Data.Entities.SubmissionStatus.Rejected).GroupBy(r => r.Student).Max(g => g.Count()));
        Assert.Equal(expected, (totals.Settled, totals.Students, Math.Round(totals.CountedSum, 9), totals.ListedStudents, Math.Round(totals.ListedSum, 9), totals.MaxAttempts));
        if (classList.Count > 0)
        {
            Assert.Equal(Rounded(await records.AssignmentsAsync(classList)), Rounded(await store.SummariesAsync(classListOnly: true)));
        }

        // The assignment page's counts read from them: all submissions, the most attempts by one student.
        var paging = service.Services.GetRequiredService<SubmissionPaging>();
        Assert.Equal(submissions.Count, (await paging.PageAsync("tanh-network", new SubmissionQuery())).Total);
        Assert.Equal(expected.MaxAttempts, (await paging.CountsAsync("tanh-network")).MaxAttempt);
    }

    private static List<AssignmentSummary> Rounded(List<AssignmentSummary> summaries) =>
        [.. summaries.Select(a => a with { MeanScore = a.MeanScore is { } m ? Math.Round(m, 9) : null })];

    private static string Key(Standing s) =>
        $"{s.Student} #{s.Row.Id} raw {s.Raw:R} total {Math.Round(s.Total, 9):R} penalty {Math.Round(s.Penalty, 9):R} attempt {s.Counted.Admission.Attempt}/{s.Attempts} late {s.Counted.Admission.Late} outdated {s.Outdated}";
}
