using Grader.Domain.Expressions;
using Grader.Domain.Networks;

namespace Grader.Domain.Tests.Expressions;

/// <summary>The function registry is the one source of the language's functions and of their documentation.</summary>
public class ExpressionLanguageDocTests
{
    private const string Begin = "<!-- functions: generated from FunctionRegistry -->";
    private const string End = "<!-- /functions -->";

    private static string DocPath => Path.Combine(Repo.Root, "docs", "expression-language.md");

    [Fact]
    public void The_documented_function_table_is_the_registry()
    {
        var text = File.ReadAllText(DocPath);
        int start = text.IndexOf(Begin, StringComparison.Ordinal), end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} lacks the markers {Begin} … {End}");
        var documented = text[(start + Begin.Length)..end].Trim('\n');
        var expected = FunctionRegistry.MarkdownTable().Trim('\n');
        if (documented != expected && Environment.GetEnvironmentVariable("GRADER_WRITE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, text[..(start + Begin.Length)] + "\n" + expected + "\n" + text[end..]);
            return;
        }

        Assert.True(documented == expected,
            "docs/expression-language.md's function table differs from the registry; regenerate it with GRADER_WRITE_DOCS=1 (see the page)");
    }

    [Fact]
    public void Every_function_has_its_documentation_and_a_unique_name()
    {
        Assert.Equal(FunctionRegistry.Ordered.Count, FunctionRegistry.Ordered.Select(f => f.Name).Distinct().Count());
        Assert.All(FunctionRegistry.Ordered, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Computes), f.Name);
            Assert.False(string.IsNullOrWhiteSpace(f.PyTorch), f.Name);
            Assert.True(f.Parameters.SkipWhile(p => p.Required).All(p => !p.Required), $"{f.Name}: required parameters come first");
        });
    }

    [Fact]
    public void The_activations_a_layer_stack_may_name_are_the_registry_s()
    {
        foreach (var name in ActivationLayer.Known.Where(n => n != "identity"))
        {
            Assert.True(FunctionRegistry.All[name].Activation, name);
        }
    }

    [Fact]
    public void The_readme_links_the_expression_language_page()
    {
        Assert.Contains("docs/expression-language.md", File.ReadAllText(Path.Combine(Repo.Root, "README.md")));
    }
}
