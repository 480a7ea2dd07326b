using System.Text;
using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

public class VariantTests
{
    [Fact]
    public void The_same_student_gets_the_same_numbers_every_time()
    {
        var a = Keys.Of("svm-random", "s1234");
        var b = Keys.Of("svm-random", "s1234");
        Assert.Equal(Flatten(a.Values), Flatten(b.Values));
        Assert.Equal(Flatten(a.Answers), Flatten(b.Answers));
    }

    [Fact]
    public void Different_students_get_different_numbers()
    {
        var keys = Enumerable.Range(1, 20).Select(i => Flatten(Keys.Of("svm-random", $"s{i}").Values)).ToList();
        Assert.Equal(keys.Count, keys.Select(k => string.Join(",", k)).Distinct().Count());
    }

    [Fact]
    public void Random_values_respect_their_specs()
    {
        for (var i = 0; i < 50; i++)
        {
            var values = Keys.Of("svm-random", $"student-{i}").Values.ToDictionary();
            Assert.Equal([3, 4], values["W"].Shape);
            Assert.All(values["W"].Data, w => Assert.True(w == Math.Floor(w) && w >= -3 && w <= 3));
            Assert.All(values["x"].Data, x => Assert.True(x >= -2 && x <= 2 && Math.Round(x, 1) == x));
            Assert.All(values["b"].Data, b => Assert.Equal(Math.Round(b, 2), b));
            Assert.Contains(values["label"].ScalarValue, new double[] { 0, 1, 2 });
        }
    }

    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Seeds_hash_with_standard_FNV1a_64(string text, ulong expected) =>
        Assert.Equal(expected, VariantRandom.Fnv1a64(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_stream_is_standard_SplitMix64()
    {
        // Reference outputs of SplitMix64 seeded with 1234567 (Vigna's splitmix64.c).
        var random = VariantRandom.FromSeed(1234567);
        Assert.Equal(6457827717110365317UL, random.NextUInt64());
        Assert.Equal(3203168211198807973UL, random.NextUInt64());
        Assert.Equal(9817491932198370423UL, random.NextUInt64());
    }

    [Fact]
    public void Adding_a_value_does_not_change_the_others()
    {
        const string Yaml = "id: t\nvalues:\n  a: { uniform: [0, 1] }\n{0}questions:\n  - id: q\n    answer: a\n";
        var one = AssignmentLoader.Load(Yaml.Replace("{0}", ""), "t.yaml").Assignment!;
        var two = AssignmentLoader.Load(Yaml.Replace("{0}", "  b: { normal: [0, 1] }\n"), "t.yaml").Assignment!;
        Assert.Equal(
            AnswerKeyBuilder.Build(one, "s1").AnswerTo("q")!.ScalarValue,
            AnswerKeyBuilder.Build(two, "s1").AnswerTo("q")!.ScalarValue);
    }

    private static double[] Flatten(IEnumerable<KeyValuePair<string, Grader.Reference.Tensor>> entries) =>
        [.. entries.SelectMany(e => e.Value.Data)];
}
