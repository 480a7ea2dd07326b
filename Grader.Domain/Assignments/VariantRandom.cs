using System.Text;

namespace Grader.Domain.Assignments;

/// <summary>
/// The generator of per-student variants, owned and fixed by this project so that a student's
/// numbers are the same on every machine and in every future version:
/// <list type="number">
/// <item>seed = FNV-1a 64-bit hash of the UTF-8 bytes of <c>assignment-id + "\n" + student-id + "\n" + value-name</c>
/// (the student id trimmed and lower-cased, see <c>StudentIds.Key</c>; empty when no student is given);</item>
/// <item>the stream is SplitMix64 from that seed (Steele, Lea and Flood 2014);</item>
/// <item>a uniform double in [0, 1) is the top 53 bits of the next output times 2^-53;</item>
/// <item>a whole number in [0, n) is ⌊u·n⌋; a normal draw is Box–Muller, √(−2 ln(1−u₁))·cos(2πu₂).</item>
/// </list>
/// Each value has its own stream, so adding or reordering values never changes the others.
/// </summary>
public sealed class VariantRandom
{
    private ulong state;
    private (string Assignment, string Student, string Value, int Draw)? source;

    /// <summary>Creates the stream for one value of one student's variant.</summary>
    public VariantRandom(string assignmentId, string? studentId, string valueName)
        : this(assignmentId, studentId, valueName, 0)
    {
    }

    /// <summary>
    /// The stream of a value on a later draw of the variant, when an earlier one did not meet the
    /// assignment's requirements: draw 0 is the stream above; draw k ≥ 1 hashes
    /// <c>assignment-id + "\n" + student-id + "\n" + value-name + "\n" + k</c>.
    /// </summary>
    public VariantRandom(string assignmentId, string? studentId, string valueName, int draw)
    {
        // The seed is hashed on the first draw: most values of most assignments are given, not
        // drawn, and their stream is never read.
        source = (assignmentId, studentId ?? "", valueName, draw);
    }

    private VariantRandom(ulong seed) => state = seed;

    /// <summary>
    /// The hash of the joined text, taken piece by piece (FNV-1a reads bytes in order) so that
    /// no joined string or byte array is made.
    /// </summary>
    private static ulong Seed(string assignmentId, string studentId, string valueName, int draw)
    {
        var hash = Fnv1a64(Offset, assignmentId);
        hash = Fnv1a64(Fnv1a64(hash, "\n"), studentId);
        hash = Fnv1a64(Fnv1a64(hash, "\n"), valueName);
        if (draw != 0)
        {
            Span<char> digits = stackalloc char[16];
            draw.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            hash = Fnv1a64(Fnv1a64(hash, "\n"), digits[..written]);
        }

        return hash;
    }

    /// <summary>The stream from a raw 64-bit seed.</summary>
    public static VariantRandom FromSeed(ulong seed) => new(seed);

    /// <summary>FNV-1a, 64-bit.</summary>
    public static ulong Fnv1a64(ReadOnlySpan<byte> bytes) => Fnv1a64(Offset, bytes);

    private const ulong Offset = 14695981039346656037UL;

    private static ulong Fnv1a64(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>FNV-1a continued over the UTF-8 bytes of <paramref name="text"/>.</summary>
    private static ulong Fnv1a64(ulong hash, ReadOnlySpan<char> text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most <= 512)
        {
            Span<byte> bytes = stackalloc byte[most];
            return Fnv1a64(hash, bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
        }

        return Fnv1a64(hash, Encoding.UTF8.GetBytes(text.ToArray()));
    }

    /// <summary>The next 64 bits of SplitMix64.</summary>
    public ulong NextUInt64()
    {
        if (source is { } s)
        {
            state = Seed(s.Assignment, s.Student, s.Value, s.Draw);
            source = null;
        }

        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, n).</summary>
    public int NextInt(int n) => (int)Math.Min(n - 1, Math.Floor(NextDouble() * n));

    /// <summary>A standard normal draw by Box–Muller.</summary>
    public double NextNormal()
    {
        var u1 = NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(1 - u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
