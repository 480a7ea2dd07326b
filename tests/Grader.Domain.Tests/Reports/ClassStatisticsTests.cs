using Grader.Domain.Grading;
using Grader.Domain.Reports;

namespace Grader.Domain.Tests.Reports;

/// <summary>The histogram's bins: a tenth of the maximum each, the last one closed.</summary>
public class ClassStatisticsTests
{
    [Theory]

    // 6/6 is 100 %: the last bin, closed. 5.4/6 is 90 %, 0.9/6 is 15 %.
    [InlineData(new[] { 6.0, 6.0, 5.4, 0.9 }, null, new[] { 0, 1, 0, 0, 0, 0, 0, 0, 0, 3 })]

    // A QA walk: four raw 6/6 submissions counted 80 %, 85 %, 90 % and 15 % after late and attempt
    // penalties (4.8, 5.1, 5.4, 0.9 of 6) go to the bins of the counted scores, as the gradebook counts them
    // (4.8 / 6 is 0.7999… in binary: still the 80–90 % bin).
    [InlineData(new[] { 6.0, 6.0, 6.0, 6.0 }, new[] { 4.8, 5.1, 5.4, 0.9 }, new[] { 0, 1, 0, 0, 0, 0, 0, 0, 2, 1 })]
    public void Bins_each_student_by_the_score_that_counts(double[] raw, double[]? counted, int[] expected)
    {
        var reports = raw.Select(r => new GradeReport("a", "s", r, 6, [], [])).ToList();
        Assert.Equal(expected, ClassStatistics.Of(reports, counted).Histogram);
    }
}
