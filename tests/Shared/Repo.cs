namespace Grader.Tests;

/// <summary>Paths in the repository, found from the test binaries' folder.</summary>
public static class Repo
{
    /// <summary>The repository's root folder (the one holding Grader.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's assignments folder.</summary>
    public static string Assignments => Path.Combine(Root, "assignments");

    /// <summary>The file of the repository's assignment <paramref name="name"/>.</summary>
    public static string Assignment(string name) => Path.Combine(Assignments, name + ".yaml");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Grader.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Grader.sln not found above " + AppContext.BaseDirectory);
    }
}
