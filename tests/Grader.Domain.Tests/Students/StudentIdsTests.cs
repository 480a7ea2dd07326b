using Grader.Domain.Assignments;
using Grader.Domain.Students;
using Grader.Domain.Tests.Assignments;

namespace Grader.Domain.Tests.Students;

public class StudentIdsTests
{
    [Theory]
    [InlineData("alice", "alice", true)]
    [InlineData("Alice ", "alice", true)]
    [InlineData("  ALICE\t", "Alice", true)]
    [InlineData("S1234", "s1234", true)]
    [InlineData("alice", "alicia", false)]
    [InlineData("al ice", "alice", false)]
    [InlineData("", "  ", true)]
    public void Ids_compare_trimmed_and_case_folded(string a, string b, bool same) =>
        Assert.Equal(same, StudentIds.Same(a, b));

    [Fact]
    public void One_student_written_two_ways_draws_one_variant()
    {
        var assignment = Keys.Load("svm-random");
        var plain = AnswerKeyBuilder.Build(assignment, "alice");
        var spaced = AnswerKeyBuilder.Build(assignment, "Alice ");
        var other = AnswerKeyBuilder.Build(assignment, "bob");
        Assert.Equal(Flatten(plain.Values), Flatten(spaced.Values));
        Assert.Equal(Flatten(plain.Answers), Flatten(spaced.Answers));
        Assert.NotEqual(Flatten(plain.Values), Flatten(other.Values));
    }

    private static double[] Flatten(IEnumerable<KeyValuePair<string, Grader.Reference.Tensor>> entries) => [.. entries.SelectMany(e => e.Value.Data)];
}
