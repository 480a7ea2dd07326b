using System.Text;
using Grader.Reference;

namespace Grader.Domain.Output;

/// <summary>Writes an answer file (the format students hand in) from answers given as tensors; numbers round-trip exactly (<see cref="Tensor.ToString"/>).</summary>
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
            sb.Append("  ").Append(id).Append(": ").Append(value).Append('\n');
        }

        return sb.ToString();
    }
}
