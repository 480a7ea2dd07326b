using Grader.Domain.Yaml;
using Grader.Domain;

namespace Grader.Worker.Cli;

/// <summary>Tells answer files from assignments: an answer file is a mapping with <c>answers</c> and no <c>questions</c>.</summary>
public static class AnswerFileSniffer
{
    /// <summary>True when the file reads as an answer file.</summary>
    public static bool LooksLikeAnswerFile(string path)
    {
        try
        {
            var text = FileText.Read(path, new DiagnosticBag(path));
            return text is not null && SafeYamlReader.Read(text) is YMapping m && m["answers"] is not null && m["questions"] is null;
        }
        catch (YamlFormatException)
        {
            return false;
        }
    }
}
