using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Reference;

namespace Grader.Domain.Tests.Grading;

/// <summary>
/// While a key is withheld, nothing in the student's view reveals it: an answer file of zeros in
/// the key's shapes (every wrong element named) is graded, and the student's JSON and text are
/// searched for the key's numbers; the full report, searched the same way, must reveal them (so
/// the search can fail).
/// </summary>
public class KeyRedactionTests
{
    public static TheoryData<string> Assignments => new(Directory.EnumerateFiles(Repo.Assignments, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Assignments))]
    public void A_zeros_file_reveals_no_key_number_while_the_key_is_withheld(string name)
    {
        var (key, full) = GradeZeros(name);
        var student = KeyRedaction.ForStudent(full, _ => true);
        var seen = GradeReportJson.Write(student) + "\n" + GradeReportText.Write(student);

        Assert.Empty(KeyNumbers.Leaked(seen, key));
        Assert.All(student.Questions, q => Assert.Null(q.Expected));
        Assert.DoesNotContain("feedbackWithoutKey", seen);

        // The same search finds the key in the full (TA) report: every searchable question's numbers.
        var ta = GradeReportJson.Write(full) + "\n" + GradeReportText.Write(full);
        Assert.Equal(KeyNumbers.Searchable(key), KeyNumbers.Leaked(ta, key).Select(l => l.Split(':')[0]).Distinct().Count());
    }

    [Fact]
    public void The_tanh_network_zeros_file_named_eleven_of_twelve_keys_in_its_full_feedback_and_none_redacted()
    {
        var (key, full) = GradeZeros("tanh-network");
        var feedbackOnly = string.Join("\n", full.Questions.Select(q => q.Feedback));
        Assert.True(KeyNumbers.Leaked(feedbackOnly, key).Count >= 11, string.Join(", ", KeyNumbers.Leaked(feedbackOnly, key)));
        var redacted = KeyRedaction.ForStudent(full, _ => true);
        Assert.Empty(KeyNumbers.Leaked(string.Join("\n", redacted.Questions.Select(q => q.Feedback)), key));
    }

    [Fact]
    public void Redacted_feedback_names_the_wrong_elements_and_the_mistake_without_the_key()
    {
        var r = Grade.One("[[1, 2, 3], [4, 5, 6]]", "[[1, 2, 3], [4, 0, 0]]");
        var q = KeyRedaction.ForStudent(new GradeReport("t", "s", r.Score, r.MaxScore, [r], []), _ => true).Questions[0];
        Assert.Equal("wrong elements: [1, 1], [1, 2] (4 of 6 elements right); precision: within 1% or 0.001", q.Feedback);
        Assert.Null(q.Expected);
        Assert.Equal(r.Given, q.Given);
        Assert.Equal(r.Wrong, q.Wrong);

        var flipped = Grade.One("[1.5, -2.5]", "[-1.5, 2.5]");
        Assert.StartsWith("the sign is flipped", KeyRedaction.WithoutKey(flipped));
        Assert.DoesNotContain("1.5", KeyRedaction.WithoutKey(flipped).Replace("[-1.5, 2.5]", ""));
    }

    [Fact]
    public void Released_questions_keep_their_key_and_full_feedback()
    {
        var r = Grade.One("0.7", "0");
        var report = new GradeReport("t", "s", 0, 1, [r], []);
        Assert.Equal("expected 0.7, got 0; precision: within 1% or 0.001", KeyRedaction.ForStudent(report, _ => false).Questions[0].Feedback);
        Assert.Equal("not within the tolerance of the key; precision: within 1% or 0.001", KeyRedaction.ForStudent(report, _ => true).Questions[0].Feedback);
    }

    [Fact]
    public void A_report_stored_before_key_free_feedback_existed_is_redacted_from_its_wrong_elements()
    {
        const string Stored = """
            {"assignment":"t","student":"s","score":0.5,"maxScore":1,"questions":[
              {"id":"q","status":"partial","score":0.5,"maxScore":1,"expected":[0.7,0.25],"given":[0,0.25],"feedback":"wrong element: [0] expected 0.7, got 0 (1 of 2 elements right)","wrong":[[0]]},
              {"id":"c","status":"correct","score":1,"maxScore":1,"expected":0.9,"given":0.2,"feedback":"correct given your earlier answer to q (credit carried forward); the key is 0.9","wrong":[]}],
             "warnings":[]}
            """;
        var student = KeyRedaction.ForStudent(GradeReportJsonReader.Read(Stored), _ => true);
        Assert.Equal("wrong element: [0]", student.Questions[0].Feedback);
        Assert.Equal("correct", student.Questions[1].Feedback);
        Assert.DoesNotContain("0.7", GradeReportJson.Write(student));
        Assert.DoesNotContain("0.9", GradeReportJson.Write(student));
    }

    [Theory]
    [InlineData(ShowKey.Always, false, null, "2026-12-01T10:00:00Z", true)]
    [InlineData(ShowKey.AfterGrading, false, null, "2026-12-01T10:00:00Z", false)]
    [InlineData(ShowKey.AfterGrading, true, null, "2026-12-01T10:00:00Z", true)]
    [InlineData(ShowKey.Never, true, "2026-01-01T00:00:00Z", "2026-12-01T10:00:00Z", false)]
    [InlineData(ShowKey.AfterDue, true, null, "2026-12-01T10:00:00Z", false)]                   // nothing is due: withheld
    [InlineData(ShowKey.AfterDue, true, "2026-12-01T10:00:00Z", "2026-12-01T09:59:59Z", false)] // one second before
    [InlineData(ShowKey.AfterDue, true, "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z", true)]  // at the moment it closes
    [InlineData(ShowKey.AfterDue, true, "2026-12-01T10:00:00Z", "2026-12-01T10:00:01Z", true)]
    [InlineData(ShowKey.AfterDue, false, "2026-12-01T10:00:00Z", "2026-12-02T10:00:00Z", false)] // not graded yet
    public void Key_release_rules(ShowKey rule, bool graded, string? closes, string now, bool released) =>
        Assert.Equal(released, KeyRelease.IsReleased(rule, graded, closes is null ? null : DateTimeOffset.Parse(closes), DateTimeOffset.Parse(now)));

    [Fact]
    public void After_due_is_the_default()
    {
        var loaded = AssignmentLoader.Load("id: t\nquestions:\n  - { id: q, answer: 1 }\n", "t.yaml").Assignment!;
        Assert.Equal(ShowKey.AfterDue, loaded.Questions[0].ShowKey(loaded.Defaults));
        var top = AssignmentLoader.Load("id: t\nshow_key: never\nquestions:\n  - { id: q, answer: 1, show_key: always }\n  - { id: r, answer: 2 }\n", "t.yaml").Assignment!;
        Assert.Equal(ShowKey.Always, top.Questions[0].ShowKey(top.Defaults));
        Assert.Equal(ShowKey.Never, top.Questions[1].ShowKey(top.Defaults));
    }

    private static (AnswerKey Key, GradeReport Full) GradeZeros(string name)
    {
        var assignment = AssignmentLoader.LoadFile(Repo.Assignment(name)).Assignment!;
        var key = AnswerKeyBuilder.Build(assignment, "s1");
        var zeros = key.Answers.Select(a => new KeyValuePair<string, Tensor>(a.Key, new Tensor(a.Value.Shape, new double[a.Value.Count])));
        var file = AnswerFileReader.Read(AnswerFileYaml.Write(assignment.Id, "s1", zeros), "zeros.yaml").File!;
        return (key, AnswerGrader.Grade(key, file));
    }
}
