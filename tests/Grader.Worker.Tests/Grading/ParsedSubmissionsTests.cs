using Grader.Domain.Grading;
using Grader.Worker.Grading;
using Microsoft.Extensions.Time.Testing;

namespace Grader.Worker.Tests.Grading;

public sealed class ParsedSubmissionsTests
{
    private static readonly AnswerFile File = new("a1", "student-1", [], []);

    [Fact]
    public void A_kept_file_is_taken_once()
    {
        var parsed = new ParsedSubmissions(new FakeTimeProvider());
        parsed.Keep(7, File);

        Assert.Same(File, parsed.Take(7));
        Assert.Null(parsed.Take(7));
    }

    [Theory]
    [InlineData(0, true)] // taken at once
    [InlineData(59, true)] // within the generation it was kept in
    [InlineData(61, true)] // in the generation before the current one
    [InlineData(119, true)]
    [InlineData(121, false)] // dropped with its generation: another node graded it, or nobody asked within two lifetimes
    public void A_file_not_taken_is_dropped_after_one_to_two_lifetimes(int seconds, bool kept)
    {
        var clock = new FakeTimeProvider();
        var parsed = new ParsedSubmissions(clock);
        parsed.Keep(1, File);
        for (var s = 0; s < seconds; s++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            parsed.Keep(1000 + s, File); // intake goes on meanwhile
        }

        Assert.Equal(kept, parsed.Take(1) is not null);
    }

    [Fact]
    public void Files_never_taken_do_not_keep_the_cache_full()
    {
        var clock = new FakeTimeProvider();
        var parsed = new ParsedSubmissions(clock);
        for (var id = 0; id < ParsedSubmissions.Capacity; id++)
        {
            parsed.Keep(id, File);
        }

        parsed.Keep(-1, File);
        Assert.Null(parsed.Take(-1)); // full

        clock.Advance(ParsedSubmissions.Lifetime * 2);
        parsed.Keep(-2, File);
        Assert.Same(File, parsed.Take(-2)); // the stale ones no longer count
        Assert.Null(parsed.Take(0));
    }

    [Fact]
    public void Taken_files_free_their_place()
    {
        var parsed = new ParsedSubmissions(new FakeTimeProvider());
        for (var id = 0; id < ParsedSubmissions.Capacity; id++)
        {
            parsed.Keep(id, File);
        }

        Assert.NotNull(parsed.Take(0));
        parsed.Keep(-1, File);
        Assert.Same(File, parsed.Take(-1));
    }
}
