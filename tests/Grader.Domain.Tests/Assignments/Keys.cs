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

    /// <summary>The default variant's key of an assignment written inline (id and title are added).</summary>
    public static AnswerKey OfText(string body)
    {
        var loaded = AssignmentLoader.Load("id: inline\ntitle: t\n" + body, "inline.yaml");
        Assert.True(loaded.Assignment is not null, string.Join("\n", loaded.Diagnostics));
        var key = AnswerKeyBuilder.Build(loaded.Assignment!, null);
        Assert.True(key.IsComplete, string.Join("\n", key.Failures));
        return key;
    }

    /// <summary>The problems an inline assignment is refused with, one per line ("" when it loads and keys).</summary>
    public static string ProblemsOf(string body)
    {
        var loaded = AssignmentLoader.Load("id: inline\ntitle: t\n" + body, "inline.yaml");
        return loaded.Assignment is null
            ? string.Join("\n", loaded.Diagnostics)
            : string.Join("\n", AnswerKeyBuilder.Build(loaded.Assignment, null).Failures.Select(f => $"{f.Position.Line}:{f.Position.Column}: {f.Message}"));
    }
}
