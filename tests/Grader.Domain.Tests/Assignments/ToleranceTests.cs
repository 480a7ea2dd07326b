using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

public class ToleranceTests
{
    [Theory]
    [InlineData(0.01, 0.001, null, false, "within 1% or 0.001")]
    [InlineData(0, 0.001, null, false, "within 0.001")]
    [InlineData(0.05, 0, null, false, "within 5%")]
    [InlineData(0, 0, 4, false, "4 significant figures")]
    [InlineData(0, 0, 1, false, "1 significant figure")]
    [InlineData(0, 0, null, true, "exact")]
    public void A_student_reads_the_accepted_precision(double rel, double abs, int? sigfigs, bool exact, string expected) =>
        Assert.Equal(expected, new Tolerance(rel, abs, sigfigs, exact).ForStudents());
}
