namespace Grader.Domain.Tests.Docs;

/// <summary>The README is a front page linking one page per topic under docs/; every relative link of them resolves.</summary>
public class DocumentationLinkTests
{
    /// <summary>The pages the front page must link (issue 23).</summary>
    public static TheoryData<string> TopicPages =>
        ["docs/assignments.md", "docs/expression-language.md", "docs/students.md", "docs/tas.md", "docs/service.md", "docs/operations.md", "docs/performance.md"];

    /// <summary>README.md and every page under docs/, relative to the repository.</summary>
    public static TheoryData<string> MarkdownFiles
    {
        get
        {
            var files = new TheoryData<string> { "README.md" };
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            {
                files.Add(Path.GetRelativePath(Repo.Root, file).Replace('\\', '/'));
            }

            return files;
        }
    }

    [Theory]
    [MemberData(nameof(TopicPages))]
    public void The_front_page_links_each_topic_page(string page)
    {
        Assert.True(File.Exists(Path.Combine(Repo.Root, page)), $"{page} does not exist");
        Assert.Contains(MarkdownLinks.Links(Read("README.md")), l => l.Target == page);
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Every_relative_link_resolves_to_a_file_and_its_anchor_to_a_heading(string file)
    {
        var broken = new List<string>();
        var folder = Path.GetDirectoryName(Path.Combine(Repo.Root, file))!;
        foreach (var (line, target) in MarkdownLinks.Links(Read(file)))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#');
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0 ? Path.Combine(Repo.Root, file) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{file}:{line}: {target}: no such file");
            }
            else if (anchor is not null && !(resolved.EndsWith(".md", StringComparison.Ordinal) && MarkdownLinks.Anchors(File.ReadAllText(resolved)).Contains(anchor)))
            {
                broken.Add($"{file}:{line}: {target}: no heading with the anchor #{anchor}");
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Theory]
    [InlineData("Course rules (dates, attempts, key release, publishing)", "course-rules-dates-attempts-key-release-publishing")]
    [InlineData("Scale-out: several nodes on PostgreSQL", "scale-out-several-nodes-on-postgresql")]
    [InlineData("Losses on batches, and `grad`", "losses-on-batches-and-grad")]
    [InlineData("What `validate` checks", "what-validate-checks")]
    [InlineData("Answer files (for students)", "answer-files-for-students")]
    public void Anchors_are_github_s(string heading, string anchor) => Assert.Equal(anchor, MarkdownLinks.Slug(heading));

    [Fact]
    public void A_repeated_heading_gets_a_numbered_anchor_and_code_blocks_are_not_headings()
    {
        var anchors = MarkdownLinks.Anchors("# Usage\n\n```sh\n# not a heading\n```\n\n## Usage\n");
        Assert.Equal(["usage", "usage-1"], anchors.Order(StringComparer.Ordinal));
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(Repo.Root, file));
}
