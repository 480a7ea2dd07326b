using System.Text;

namespace Grader.Tests;

/// <summary>
/// The hostile corpus: small cases are files under <c>tests/hostile/</c>, large ones are made here
/// (so the repository does not hold megabytes of junk). Shared by the tests and the benchmark.
/// </summary>
public static class HostileCorpus
{
    public static string Folder => Path.Combine(Repo.Root, "tests", "hostile");

    public static string File(string relative) => Path.Combine(Folder, relative);

    public static string Text(string relative) => System.IO.File.ReadAllText(File(relative));

    /// <summary>A vector literal of n ones: <c>[1, 1, …]</c>.</summary>
    public static string Ones(int n) => "[" + string.Join(",", Enumerable.Repeat("1", n)) + "]";

    /// <summary>An answer whose expression is an outer product of two n-vectors (n = 3,000: 9·10⁶ elements, in 12 KB).</summary>
    public static string OuterBomb(int n = 3000) =>
        $"assignment: tanh-network\nstudent: mallory\nanswers:\n  forward: \"sum(outer({Ones(n)}, {Ones(n)}))\"\n";

    /// <summary>
    /// An expression under the per-tensor limit at every step whose results add up to 3·10⁶
    /// elements: a 1,000 × 1,000 outer product scaled twice.
    /// </summary>
    public static string ScaledOuter() => $"sum(outer({Ones(1000)}, {Ones(1000)}) * 2 * 2)";

    /// <summary>
    /// An answer file whose every expression stays under the per-tensor limit and the per-file
    /// budget by itself, but which together spend more than the file's budget (the second answer is refused).
    /// </summary>
    public static string ManyOuters() =>
        $"assignment: tanh-network\nstudent: mallory\nanswers:\n  grad-W0: \"{ScaledOuterSmall()}\"\n  forward: \"{ScaledOuterSmall()}\"\n";

    private static string ScaledOuterSmall() => $"sum(outer({Ones(1000)}, {Ones(1000)}))";

    /// <summary>A convolution that fits every size bound but costs 6·10¹⁰ multiply-adds.</summary>
    public static string CostlyConv() =>
        $"assignment: tanh-network\nstudent: mallory\nanswers:\n  forward: \"sum(conv2d(outer({Ones(1000)}, {Ones(1000)}), outer({Ones(500)}, {Ones(500)})))\"\n";

    /// <summary>An answer file whose assignment id is <paramref name="bytes"/> long.</summary>
    public static string LongAssignmentId(int bytes = 900 * 1024) =>
        $"assignment: {new string('a', bytes)}\nstudent: s\nanswers:\n  q: 1\n";

    /// <summary>A body of <paramref name="bytes"/> bytes that starts like an answer file.</summary>
    public static byte[] HugeBody(int bytes = 50 * 1024 * 1024)
    {
        var body = new byte[bytes];
        var head = Encoding.UTF8.GetBytes("assignment: tanh-network\nstudent: s\n# ");
        head.CopyTo(body, 0);
        body.AsSpan(head.Length).Fill((byte)'x');
        return body;
    }

    /// <summary>A multipart body with <paramref name="parts"/> small fields and one file.</summary>
    public static (byte[] Body, string ContentType) ManyParts(int parts = 1025)
    {
        const string Boundary = "hostile-boundary";
        var sb = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            sb.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n");
        }

        sb.Append($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.yaml\"\r\n\r\nassignment: tanh-network\nstudent: s\nanswers:\n  forward: 0.3\n\r\n--{Boundary}--\r\n");
        return (Encoding.UTF8.GetBytes(sb.ToString()), $"multipart/form-data; boundary={Boundary}");
    }

    /// <summary>A multipart upload whose file name is <paramref name="length"/> characters.</summary>
    public static (byte[] Body, string ContentType) LongFileName(int length = 100 * 1024)
    {
        const string Boundary = "hostile-boundary";
        var text = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{new string('n', length)}.yaml\"\r\n\r\nassignment: tanh-network\nstudent: s\nanswers:\n  forward: 0.3\n\r\n--{Boundary}--\r\n";
        return (Encoding.UTF8.GetBytes(text), $"multipart/form-data; boundary={Boundary}");
    }
}
