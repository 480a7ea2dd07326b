using System.Globalization;
using System.Text;
using Grader.Reference;

namespace Grader.Domain.Output;

/// <summary>Writes an answer file (the format students hand in) from answers given as tensors; numbers round-trip exactly.</summary>
public static class AnswerFileYaml
{
    /// <summary>The YAML text of an answer file.</summary>
    public static string Write(string assignmentId, string? student, IEnumerable<KeyValuePair<string, Tensor>> answers)
    {
        var sb = new StringBuilder();
        sb.Append("assignment: ").Append(assignmentId).Append('\n');
        if (student is not null)
        {
            sb.Append("student: \"").Append(student.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"\n");
        }

        sb.Append("answers:\n");
        foreach (var (id, value) in answers)
        {
            sb.Append("  ").Append(id).Append(": ");
            Write(sb, value, 0, 0);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static int Write(StringBuilder sb, Tensor t, int axis, int offset)
    {
        if (axis == t.Rank)
        {
            sb.Append(t.Data[offset].ToString("R", CultureInfo.InvariantCulture));
            return offset + 1;
        }

        sb.Append('[');
        for (var i = 0; i < t.Shape[axis]; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            offset = Write(sb, t, axis + 1, offset);
        }

        sb.Append(']');
        return offset;
    }
}
