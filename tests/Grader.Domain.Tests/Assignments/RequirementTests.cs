using System.Text;
using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// <c>require:</c> redraws a student's variant deterministically until its conditions hold, leaves
/// every variant that already meets them (and every assignment without them) as it was, and says
/// clearly when no draw can.
/// </summary>
public class RequirementTests
{
    private static readonly string[] Students = [.. Enumerable.Range(1, 40).Select(i => $"s{i}")];

    [Fact]
    public void No_student_of_svm_random_gets_a_hinge_loss_of_0()
    {
        var assignment = Keys.Load("svm-random");
        var unconstrained = assignment with { Requirements = [] };
        var degenerate = 0;
        foreach (var student in Students)
        {
            var key = AnswerKeyBuilder.Build(assignment, student);
            Assert.True(key.IsComplete, string.Join("\n", key.Failures));
            Assert.True(key.AnswerTo("data-loss")!.ScalarValue > 0, student);
            Assert.Contains(key.AnswerTo("dL-ds")!.Data, g => g != 0);

            // A student whose first draw already has a positive loss keeps those numbers.
            var first = AnswerKeyBuilder.Build(unconstrained, student);
            if (first.AnswerTo("data-loss")!.ScalarValue > 0)
            {
                Assert.Equal(Flatten(first.Values), Flatten(key.Values));
            }
            else
            {
                degenerate++;
                Assert.NotEqual(Flatten(first.Values), Flatten(key.Values));
            }
        }

        // The requirement matters: without it some of these students would get a loss of 0.
        Assert.True(degenerate > 0);
    }

    [Fact]
    public void Redraws_are_deterministic_and_follow_the_documented_seeds()
    {
        // k is 1 or 2; students whose first draw is 1 are drawn again with the seed string
        // "t\n<student>\nk\n<draw>" until k = 2.
        var assignment = AssignmentLoader.Load("id: t\nvalues:\n  k: { choice: [1, 2] }\nrequire: [k == 2]\nquestions:\n  - id: q\n    answer: k\n", "t.yaml").Assignment!;
        var spec = assignment.Values.Single().Spec;
        var redrawn = 0;
        foreach (var student in Students)
        {
            var values = AnswerKeyBuilder.Instantiate(assignment, student);
            Assert.Equal(2, values.Single().Value.ScalarValue);
            Assert.Equal(values.Single().Value.Data, AnswerKeyBuilder.Instantiate(assignment, student).Single().Value.Data);

            var draw = Enumerable.Range(0, AnswerKeyBuilder.MaxDraws)
                .First(d => spec.Draw(new VariantRandom("t", student, "k", d)).ScalarValue == 2);
            redrawn += draw > 0 ? 1 : 0;
            if (draw > 0)
            {
                var seed = VariantRandom.Fnv1a64(Encoding.UTF8.GetBytes($"t\n{student}\nk\n{draw}"));
                Assert.Equal(spec.Draw(VariantRandom.FromSeed(seed)).Data, values.Single().Value.Data);
            }
        }

        Assert.True(redrawn > 0);
    }

    [Fact]
    public void Without_requirements_a_variant_is_the_first_draw_as_always()
    {
        var assignment = Keys.Load("svm-random") with { Requirements = [] };
        foreach (var student in Students.Take(10))
        {
            var values = AnswerKeyBuilder.Instantiate(assignment, student);
            foreach (var (v, drawn) in assignment.Values.Zip(values))
            {
                // The seed string of docs/assignments.md: assignment-id \n student-id \n value-name.
                var seed = VariantRandom.Fnv1a64(Encoding.UTF8.GetBytes($"svm-random\n{student}\n{v.Name}"));
                Assert.Equal(v.Spec.Draw(VariantRandom.FromSeed(seed)).Data, drawn.Value.Data);
            }
        }
    }

    [Theory]
    [InlineData("values:\n  x: { uniform: [0, 1] }\nrequire: [x > 5]\n", 4, 11, "no draw of the default variant meets it within 100 draws")]
    [InlineData("values:\n  x: 1\nrequire: [x > 5]\n", 4, 11, "does not hold, and no value is random")]
    [InlineData("values:\n  x: 1\nrequire: [x]\n", 4, 11, "needs a comparison")]
    [InlineData("values:\n  x: 1\nrequire: [x > ]\n", 4, 11, "needs an expression on each side of >")]
    [InlineData("values:\n  x: 1\nrequire: [\"x > (1 +\"]\n", 4, 20, "ends too early")]
    [InlineData("values:\n  x: 1\nrequire: [y > 0]\n", 4, 11, "unknown name 'y'")]
    [InlineData("values:\n  x: [1, 2]\nrequire: [\"x > [1, 2, 3]\"]\n", 4, 12, "compares shapes (2,) and (3,)")]
    [InlineData("values:\n  x: 1\nrequire: { x: 1 }\n", 4, 10, "require is a list of conditions")]
    public void A_requirement_that_cannot_hold_or_be_read_is_reported(string body, int line, int column, string message)
    {
        var diagnostics = AssignmentErrorTests.Validate("id: t\n" + body + "questions:\n  - id: q\n    answer: x\n");
        Assert.True(
            diagnostics.Any(d => d.Line == line && d.Column == column && d.Message.Contains(message)),
            $"expected '{message}' at {line}:{column}, got:\n" + string.Join("\n", diagnostics));
    }

    [Theory]
    [InlineData("x >= 1", true)]
    [InlineData("x > 1", false)]
    [InlineData("x != 2", true)]
    [InlineData("x == 1", true)]
    [InlineData("x <= 0.5", false)]
    [InlineData("[x, 2] > 0", true)] // every element
    [InlineData("[x, -2] > 0", false)]
    [InlineData("max([x, 3]) < 4", true)]
    public void A_requirement_holds_when_it_holds_for_every_element(string condition, bool holds)
    {
        var assignment = AssignmentLoader.Load($"id: t\nvalues:\n  x: 1\nrequire: [\"{condition}\"]\nquestions:\n  - id: q\n    answer: x\n", "t.yaml").Assignment!;
        var scope = new VariantScope(assignment, AnswerKeyBuilder.Instantiate(assignment, null).ToDictionary());
        Assert.Equal(holds, scope.Holds(assignment.Requirements.Single()));
    }

    private static List<double> Flatten(IEnumerable<KeyValuePair<string, Grader.Reference.Tensor>> entries) =>
        [.. entries.SelectMany(e => e.Value.Data)];
}
