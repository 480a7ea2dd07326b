using Grader.Domain.Assignments;

namespace Grader.Domain.Tests.Assignments;

/// <summary>Loads the repository's assignments for tests.</summary>
public static class Keys
{
    public static Assignment Load(string name)
    {
        var loaded = AssignmentLoader.LoadFile(Repo.Assignment(name));
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        return loaded.Assignment!;
    }

    public static AnswerKey Of(string name, string? student = null)
    {
        var key = AnswerKeyBuilder.Build(Load(name), student);
        Assert.True(key.IsComplete, string.Join("\n", key.Failures));
        return key;
    }

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Repo.Assignments, "*.yaml")
            .Where(f => AssignmentLoader.LoadFile(f).Assignment is not null)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order();
}
