namespace Grader.Worker.Tests.Service;

/// <summary>The job queue is Hangfire: no source names the scheduler it replaced (as `grep -r` would find it; case-sensitive: release 1's schema, kept for the upgrade test, spells its old tables in capitals).</summary>
public class QueueSourceTests
{
    // Spelt in two parts, so that this file does not name it either.
    private static readonly string Replaced = "Quart" + "z";

    private static readonly string[] Kinds = [".cs", ".csproj", ".props", ".json", ".md", ".yaml", ".razor", ".sh", ".sql"];

    [Fact]
    public void No_source_file_names_the_replaced_scheduler()
    {
        var named = Directory.EnumerateFiles(Repo.Root, "*", SearchOption.AllDirectories)
            .Where(f => Kinds.Contains(Path.GetExtension(f)) || Path.GetFileName(f) == "run")
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
            .Where(f => File.ReadAllText(f).Contains(Replaced, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Root, f));
        Assert.Empty(named);
    }
}
