namespace Grader.Worker.Cli;

/// <summary>Expands files and folders given on the command line into the YAML and JSON files they hold.</summary>
public static class InputFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The files, sorted within each folder; a missing path is reported through <paramref name="missing"/>.</summary>
    public static List<string> Expand(IEnumerable<string> paths, Action<string> missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing(path);
            }
        }

        return files;
    }
}
