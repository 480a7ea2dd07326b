namespace Grader.Bench;

/// <summary>
/// The TA pages at one database size: the home page and an assignment page warm (median of
/// several requests, ms), the assignment page's size, the one-off computation of the stored
/// standings after the rows were inserted, and the working set after four TAs opened every TA page at once (peak and after, MB).
/// </summary>
public sealed record ScaleResult(int Submissions, double HomeMs, double AssignmentMs, double AssignmentKB, double StandingsComputedMs, double PeakWorkingSetMB, double WorkingSetMB, double FourTasSeconds);
