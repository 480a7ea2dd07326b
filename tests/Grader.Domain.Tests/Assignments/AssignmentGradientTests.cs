using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Reference;

namespace Grader.Domain.Tests.Assignments;

/// <summary>
/// Every <c>grad(node, value)</c> question of every assignment in the repository agrees with a
/// central finite difference of the assignment's own graph, for the default variant and a student's.
/// Elements where the two one-sided differences disagree (a ReLU or max exactly at its kink) are skipped.
/// </summary>
public class AssignmentGradientTests
{
    public static TheoryData<string> Assignments => [.. Keys.All()];

    [Theory]
    [MemberData(nameof(Assignments))]
    public void Gradient_answers_match_finite_differences(string name)
    {
        var assignment = Keys.Load(name);
        foreach (var student in new string?[] { null, "s1234" })
        {
            var values = AnswerKeyBuilder.Instantiate(assignment, student).ToDictionary();
            var key = AnswerKeyBuilder.Build(assignment, student);
            foreach (var q in assignment.Questions)
            {
                if (q.Answer is not CallExpr { Function: "grad", Arguments: [NameExpr f, NameExpr v] } || !values.ContainsKey(v.Name))
                {
                    continue;
                }

                var analytic = key.AnswerTo(q.Id)!;
                for (var k = 0; k < analytic.Count; k++)
                {
                    const double h = 1e-6;
                    var at = Output(assignment, values, f.Name, v.Name, k, 0);
                    var up = Output(assignment, values, f.Name, v.Name, k, h);
                    var down = Output(assignment, values, f.Name, v.Name, k, -h);
                    if (Math.Abs((up - at) - (at - down)) > 1e-3 * h)
                    {
                        continue;
                    }

                    var numeric = (up - down) / (2 * h);
                    Assert.True(
                        Math.Abs(numeric - analytic.Data[k]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                        $"{name} {q.Id}[{k}] (student {student}): key {analytic.Data[k]:R}, finite difference {numeric:R}");
                }
            }
        }
    }

    private static double Output(Assignment assignment, Dictionary<string, Tensor> values, string output, string value, int k, double delta)
    {
        var shifted = new Dictionary<string, Tensor>(values);
        var data = (double[])values[value].Data.Clone();
        data[k] += delta;
        shifted[value] = new Tensor(values[value].Shape, data);
        return new VariantScope(assignment, shifted).Resolve(output, 1).Value.ScalarValue;
    }
}
