using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Grading;

/// <summary>Every tolerance mode on the edge cases: zero, negative, tiny and huge keys.</summary>
public class ToleranceTests
{
    [Theory]
    // rel/abs: |given − key| ≤ abs + rel·|key|
    [InlineData(0.01, 0.001, 0.3130551647, 0.313, true)]
    [InlineData(0.01, 0.001, 0.3130551647, 0.3, false)]        // off by 0.013 > 0.001 + 0.00313
    [InlineData(0.01, 0, 100, 101, true)]                      // exactly 1%
    [InlineData(0.01, 0, 100, 101.01, false)]
    [InlineData(0.01, 0, -100, -99, true)]                     // negative key: |key| is used
    [InlineData(0.01, 0, -100, 99, false)]                     // sign matters
    [InlineData(0.01, 0, 0, 1e-12, false)]                     // zero key, no abs: only 0 is right
    [InlineData(0.01, 0, 0, 0, true)]
    [InlineData(0.01, 0.001, 0, 0.0009, true)]                 // zero key: abs decides
    [InlineData(0.01, 0.001, 0, 0.002, false)]
    [InlineData(0.01, 0.001, -2.4492935982947064e-16, 0, true)] // sin(2π) computed is not exactly 0
    [InlineData(0.01, 0, 1e-9, 1.005e-9, true)]                // tiny key, relative only
    [InlineData(0.01, 0, 1e-9, 2e-9, false)]
    [InlineData(0.01, 0.001, 1e-9, 0, true)]                   // tiny key under abs: 0 accepted (why abs is per question)
    [InlineData(0.01, 0, 1e12, 1.009e12, true)]                // huge key
    [InlineData(0.01, 0, 1e12, 1.02e12, false)]
    [InlineData(0, 0, 608257, 608257, true)]
    [InlineData(0, 0, 608257, 608258, false)]
    public void Relative_and_absolute(double rel, double abs, double key, double given, bool accepted) =>
        Assert.Equal(accepted, new Tolerance(rel, abs).Accepts(given, key));

    [Theory]
    // sigfigs n: |given − key| ≤ ½·10^(⌊log10|key|⌋ − n + 1)
    [InlineData(2, 1.0237, 1.02, true)]
    [InlineData(2, 1.0237, 1.0, true)]                         // ½·10^(0−2+1) = 0.05
    [InlineData(2, 1.0237, 1.08, false)]
    [InlineData(2, -2.9976, -3.0, true)]
    [InlineData(2, 0.1658, 0.17, true)]                        // ½·10^(−1−2+1) = 0.005
    [InlineData(2, 0.1658, 0.16, false)]
    [InlineData(3, -0.98912, -0.989, true)]
    [InlineData(3, -0.98912, -0.99, false)]
    [InlineData(1, 0.19661, 0.2, true)]
    [InlineData(3, 608257, 608000, true)]                      // ½·10^(5−3+1) = 500
    [InlineData(3, 608257, 607000, false)]
    [InlineData(2, 1e-9, 1.04e-9, true)]
    [InlineData(2, 1e-9, 1.1e-9, false)]
    [InlineData(2, 0, 0, true)]                                // a zero key needs zero
    [InlineData(2, 0, 1e-12, false)]
    [InlineData(1, 0.5, 0.45, true)]                           // the boundary itself counts
    public void Significant_figures(int n, double key, double given, bool accepted) =>
        Assert.Equal(accepted, new Tolerance(0, 0, n).Accepts(given, key));

    [Theory]
    [InlineData(6, 6, true)]
    [InlineData(6, 6.0000001, false)]
    [InlineData(0, -0.0, true)]
    public void Exact(double key, double given, bool accepted) =>
        Assert.Equal(accepted, new Tolerance(0, 0, Exact: true).Accepts(given, key));
}
