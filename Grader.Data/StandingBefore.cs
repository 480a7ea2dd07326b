namespace Grader.Data;

/// <summary>
/// A student's stored standing on an assignment as it was before an update (<see cref="StandingRows.ReadAsync"/>),
/// for the assignment's totals: its counted score (null: no row), and whether the student is on the class list.
/// </summary>
/// <param name="Counted">The stored counted score (null: the student had no counted standing).</param>
/// <param name="Listed">Whether the student's folded id is a class-list student's key.</param>
public sealed record StandingBefore(double? Counted, bool Listed);
