using System.Text;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Domain.Yaml;
using Grader.Reference;

namespace Grader.Domain.Tests.Yaml;

/// <summary>
/// The plain-subset reader must build exactly the tree the general reader builds (values, quoting,
/// positions) for every text it accepts, and decline everything else.
/// </summary>
public class PlainYamlReaderTests
{
    public static TheoryData<string> InsideTheSubset => new()
    {
        "assignment: tanh-network\nstudent: s1234\nanswers:\n  forward: 0.313\n  grad-W0: [[-0.1187, -0.0119], [0.1711, 0.0171]]\n",
        "assignment: a\nstudent: \"student-7\"\nanswers:\n    q1: -1E-05\n    q2: [1,2,  3]\n",
        "\n\nanswers:\n  x: .5\n  y: +2\n  z: null\nassignment: t\n",
        "assignment: t\nanswers:\n  deep: [[[1], [2]], [[3], [4]]]\n  word: abc\n  empty: \"\"\n",
        "assignment: t\nanswers:\n  q: 1", // no final line break
        "assignment: t\nanswers: \n  q: [1, 2]\n",
    };

    public static TheoryData<string, string> OutsideTheSubset => new()
    {
        { "assignment: t\nanswers:\n  q: 1 # a comment\n", "a comment" },
        { "assignment: t\r\nanswers:\r\n  q: 1\r\n", "CRLF line breaks" },
        { "assignment: t\nanswers:\n\tq: 1\n", "a tab" },
        { "assignment: t\nanswers:\n  a: [1 -2]\n", "a NumPy list" },
        { "assignment: t\nanswers:\n  a: [ 1, 2 ]\n", "spaces inside brackets" },
        { "assignment: t\nanswers:\n  a: [1, 2,]\n", "a trailing comma" },
        { "assignment: t\nanswers:\n  a: []\n", "an empty list" },
        { "assignment: t\nanswers:\n  a: 1\n  a: 2\n", "a duplicate key" },
        { "assignment: t\nassignment: u\n", "a duplicate top-level key" },
        { "assignment: t\nanswers:\n  a:\n    b: 1\n", "a deeper level" },
        { "assignment: t\nanswers:\n  a: 1\n   b: 2\n", "a changed indent" },
        { "assignment: t\nstudent: \"a\\\"b\"\nanswers:\n  a: 1\n", "an escape" },
        { "assignment: t\nstudent: \"Zoë\"\nanswers:\n  a: 1\n", "a letter outside ASCII" },
        { "assignment: t\nanswers:\n  a: &x 1\n  b: *x\n", "an anchor" },
        { "assignment: t\nanswers:\n", "an empty value" },
        { "assignment: t\nanswers: {a: 1}\n", "a flow mapping" },
        { "---\nassignment: t\n", "a document marker" },
        { "assignment: t\nanswers:\n  a: pi/2\n", "an expression" },
        { "assignment: t\nanswers:\n  a: 'x'\n", "a single-quoted string" },
        { "assignment: t\nanswers:\n  a: [1, 2\n    , 3]\n", "a list over two lines" },
        { "assignment: t\nanswers:\n  a: -\n", "a lone dash" },
        { "- 1\n- 2\n", "a sequence" },
        { "assignment: t \nanswers:\n  q: 1\n", "a space after a value" },
        { "", "nothing" },
        { "\n\n", "blank lines" },
    };

    [Theory]
    [MemberData(nameof(InsideTheSubset))]
    public void A_text_in_the_subset_reads_as_the_general_reader_reads_it(string text)
    {
        var plain = PlainYamlReader.TryRead(text);
        Assert.NotNull(plain);
        Assert.Equal(Shape(SafeYamlReader.Read(AnswerSeparators.InFile(text))), Shape(plain));
    }

    [Theory]
    [MemberData(nameof(OutsideTheSubset))]
    public void A_text_outside_the_subset_is_left_to_the_general_reader(string text, string what)
    {
        Assert.True(PlainYamlReader.TryRead(text) is null, what);
    }

    [Fact]
    public void The_answer_page_marker_line_is_skipped_only_when_asked()
    {
        var text = AnswerFileReader.FromFieldsMarker + "\nassignment: t\nanswers:\n  a: \"1, 2\"\n";
        Assert.Null(PlainYamlReader.TryRead(text));
        Assert.Equal(Shape(SafeYamlReader.Read(text)), Shape(PlainYamlReader.TryRead(text, AnswerFileReader.FromFieldsMarker)!));
    }

    [Fact]
    public void Every_written_answer_file_of_every_assignment_is_in_the_subset_and_reads_the_same()
    {
        foreach (var (text, _) in WrittenFiles())
        {
            var plain = PlainYamlReader.TryRead(text);
            Assert.NotNull(plain);
            Assert.Equal(Shape(SafeYamlReader.Read(AnswerSeparators.InFile(text))), Shape(plain));
        }
    }

    /// <summary>
    /// Written files with one character deleted, doubled or replaced at random: whatever the plain
    /// reader accepts, the general reader reads to the same tree, and it declines what the general reader refuses.
    /// </summary>
    [Fact]
    public void Damaged_files_are_read_the_same_or_declined()
    {
        var random = new Random(24);
        const string Alphabet = " \n\t\r:,[]\"'#-.0123456789eE+abcxyz{}&*!|>~\\é";
        var accepted = 0;
        foreach (var (text, _) in WrittenFiles())
        {
            for (var k = 0; k < 150; k++)
            {
                var i = random.Next(text.Length);
                var c = Alphabet[random.Next(Alphabet.Length)];
                var damaged = random.Next(3) switch
                {
                    0 => text.Remove(i, 1),
                    1 => text.Insert(i, c.ToString()),
                    _ => text.Remove(i, 1).Insert(i, c.ToString()),
                };
                if (PlainYamlReader.TryRead(damaged) is not { } plain)
                {
                    continue;
                }

                accepted++;
                YNode general;
                try
                {
                    general = SafeYamlReader.Read(AnswerSeparators.InFile(damaged));
                }
                catch (YamlFormatException ex)
                {
                    Assert.Fail($"the plain reader accepted what the general reader refuses ({ex.Message}):\n{damaged}");
                    return;
                }

                Assert.True(Shape(general) == Shape(plain), $"trees differ for:\n{damaged}\ngeneral: {Shape(general)}\nplain:   {Shape(plain)}");
            }
        }

        Assert.True(accepted > 100, $"only {accepted} damaged files were in the subset: the property says little");
    }

    [Fact]
    public void An_answer_file_reads_to_the_same_answers_through_either_reader()
    {
        foreach (var (text, key) in WrittenFiles().Take(40))
        {
            var file = AnswerFileReader.Read(text, "f.yaml").File!;
            Assert.Equal(key.Answers.Count, file.Answers.Count);
            foreach (var answer in file.Answers)
            {
                Assert.Equal(key.AnswerTo(answer.QuestionId)!.ToString(), answer.Value!.ToString());
            }
        }
    }

    private static IEnumerable<(string Text, AnswerKey Key)> WrittenFiles()
    {
        var folder = Repo.Assignments;
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (AssignmentLoader.LoadFile(path).Assignment is not { } assignment)
            {
                continue;
            }

            for (var s = 0; s < 3; s++)
            {
                var key = AnswerKeyBuilder.Build(assignment, $"student-{s}");
                yield return (AnswerFileYaml.Write(assignment.Id, $"student-{s}", key.Answers.Select(a => new KeyValuePair<string, Tensor>(a.Key, a.Value))), key);
            }
        }
    }

    private static string Shape(YNode node)
    {
        var sb = new StringBuilder();
        Write(node);
        return sb.ToString();

        void Write(YNode n)
        {
            sb.Append('@').Append(n.Start.Line).Append(':').Append(n.Start.Column);
            switch (n)
            {
                case YScalar s:
                    sb.Append(s.Quoted ? "q" : "p").Append(s.SingleLine ? "1" : "n").Append('<').Append(s.Value).Append('>');
                    break;
                case YSequence q:
                    sb.Append('[');
                    foreach (var item in q.Items)
                    {
                        Write(item);
                        sb.Append(',');
                    }

                    sb.Append(']');
                    break;
                case YMapping m:
                    sb.Append('{');
                    foreach (var (k, v) in m.Entries)
                    {
                        Write(k);
                        sb.Append('=');
                        Write(v);
                        sb.Append(';');
                    }

                    sb.Append('}');
                    break;
            }
        }
    }
}
