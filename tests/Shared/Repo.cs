namespace Grader.Tests;

/// <summary>Paths in the repository, found from the test binaries' folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Assignments => Path.Combine(Root, "assignments");

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
