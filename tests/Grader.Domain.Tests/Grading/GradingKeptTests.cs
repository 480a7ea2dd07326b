using System.Text;
using Grader.Domain.Assignments;
using Grader.Domain.Expressions;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Domain.Tests.Assignments;
using Grader.Reference;

namespace Grader.Domain.Tests.Grading;

/// <summary>
/// Every assignment of the repository grades a fixed set of answer files exactly as it did when
/// GradingBefore/ was written (before the mistake alternatives were shared and computed more
/// cheaply): right answers, answers off by one, negated, transposed or flattened, each named
/// mistake's own value (computed here from the rewritten expressions, without the grader's
/// alternatives), an unreadable answer and a malformed file. The whole report (scores, statuses,
/// values, feedback with and without the key) is compared, as JSON, case by case.
/// Set GRADER_WRITE_GRADING_BEFORE=1 to write the files again (then check the diff by hand).
/// Checked by hand when written (relu-network, golden-1): a1 off by one reads "[0] expected 3, got
/// 4; [1] expected -3, got -2"; h1 = [3, 0] negated is half right (−0 equals 0) with the sign
/// named; W3-next = W3 − 0.01·dJ/dW3 = [−1, 1 − 0.01·(−18)] = [−1, 1.18], and the ascent step's
/// 1 − 0.18 = 0.82 is named "moves along the gradient"; identity-conv's 2×2 kernel over a 3×3
/// input gives (2, 2), with padding 1 a (4, 4) and at stride 2 a (1, 1), each named.
/// </summary>
public class GradingKeptTests
{
    public static TheoryData<string> Names =>
        [.. Directory.EnumerateFiles(Repo.Assignments, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    private static string Folder => Path.Combine(Repo.Root, "tests", "Grader.Domain.Tests", "Grading", "GradingBefore");

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_report_is_what_it_was(string name)
    {
        var now = Reports(name);
        var path = Path.Combine(Folder, name + ".txt");
        if (Environment.GetEnvironmentVariable("GRADER_WRITE_GRADING_BEFORE") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, string.Concat(now.Select(c => $"## {c.Case}\n{c.Report}\n")));
        }

        var before = Parse(File.ReadAllText(path));
        Assert.Equal(before.Select(c => c.Case), now.Select(c => c.Case));
        foreach (var ((@case, was), (_, is_)) in before.Zip(now))
        {
            Assert.True(was == is_, $"{name} {@case}:\nbefore {was}\nnow    {is_}");
        }
    }

    private static List<(string Case, string Report)> Parse(string text)
    {
        var cases = new List<(string, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            cases.Add((lines[i]["## ".Length..], lines[i + 1]));
        }

        return cases;
    }

    /// <summary>Each case's report (or the reader's diagnostics) on one line.</summary>
    private static List<(string Case, string Report)> Reports(string name)
    {
        var assignment = Keys.Load(name);
        var cases = new List<(string, string)>();
        string[] students = assignment.HasRandomValues ? ["golden-1", "golden-2"] : ["golden-1"];
        foreach (var student in students)
        {
            var key = AnswerKeyBuilder.Build(assignment, student);
            var tensorQuestions = assignment.Questions.Where(q => q.Graph is null && key.AnswerTo(q.Id) is not null).ToList();
            List<KeyValuePair<string, Tensor>> Each(Func<Question, Tensor, Tensor?> f) =>
                [.. tensorQuestions.Select(q => (q.Id, Value: f(q, key.AnswerTo(q.Id)!))).Where(a => a.Value is not null).Select(a => KeyValuePair.Create(a.Id, a.Value!))];

            void Case(string label, string text)
            {
                // Graded as the benchmark and the CLI grade a file: the key built for the file's student.
                var read = AnswerFileReader.Read(text, "answers.yaml");
                var report = read.File is null
                    ? "unreadable: " + string.Join(" | ", read.Diagnostics)
                    : GradeReportJson.Write(AnswerGrader.Grade(assignment, read.File), indented: false);
                cases.Add(($"{student} {label}", report));
            }

            void Answers(string label, IEnumerable<KeyValuePair<string, Tensor>> answers) =>
                Case(label, AnswerFileYaml.Write(assignment.Id, student, answers));

            Answers("right", Each((_, k) => k));
            Answers("all off by one", Each((_, k) => k.Map(v => v + 1)));
            var random = new Random(7);
            Answers("mixed", Each((_, k) => random.Next(10) switch { 0 => null, 1 => k.Map(v => v + 1), 2 => k.Map(v => v * 1.5 + 0.25), _ => k }));
            Answers("negated", Each((_, k) => k.Map(v => -v)));
            Answers("transposed or flattened", Each((_, k) => k.Rank == 2 && k.Shape[0] > 1 && k.Shape[1] > 1 ? Transposed(k) : k.Count > 1 ? k.Reshape([k.Count]) : k.Map(v => v * 2)));
            Answers("half right", Each((_, k) => new Tensor(k.Shape, [.. k.Data.Select((v, i) => i % 2 == 0 ? v : v + 3)])));

            // The k-th named mistake of every question at once (the key where a question has fewer).
            var mistakes = MistakeValues(assignment, key, tensorQuestions);
            for (var k = 0; k < mistakes.Values.Select(m => m.Count).DefaultIfEmpty(0).Max(); k++)
            {
                Answers($"mistake {k}", Each((q, v) => mistakes[q.Id].Count > k ? mistakes[q.Id][k] : v));
            }

            var first = tensorQuestions.FirstOrDefault();
            if (first is not null)
            {
                Case("unreadable answer", $"assignment: {assignment.Id}\nstudent: {student}\nanswers:\n  {first.Id}: [1, [2, 3]\n");
                Case("text answer", $"assignment: {assignment.Id}\nstudent: {student}\nanswers:\n  {first.Id}: seven\n  nonsense: 3\n");
            }

            Case("malformed file", $"assignment: {assignment.Id}\nstudent: {student}\nanswers: [1, 2\n  : :\n");
        }

        return cases;
    }

    /// <summary>
    /// The value of each known mistake for each question: its own expression rewritten, then each
    /// graph node rewritten (the whole graph evaluated again); those that cannot be computed, or
    /// that equal the key, are left out.
    /// </summary>
    private static Dictionary<string, List<Tensor>> MistakeValues(Assignment assignment, AnswerKey key, List<Question> questions)
    {
        var values = questions.ToDictionary(q => q.Id, _ => new List<Tensor>());
        void Add(Question q, Func<Tensor?> compute)
        {
            var expected = key.AnswerTo(q.Id)!;
            try
            {
                if (compute() is { } v && !(v.SameShape(expected) && v.Data.SequenceEqual(expected.Data)) && v.Data.All(double.IsFinite))
                {
                    values[q.Id].Add(v);
                }
            }
            catch (ExpressionException)
            {
            }
        }

        foreach (var q in questions)
        {
            foreach (var (_, rewritten) in Misconception.Rewrites(q.Answer))
            {
                Add(q, () => new VariantScope(assignment, key.ValueMap).Evaluate(q, rewritten));
            }
        }

        foreach (var node in assignment.Graph)
        {
            foreach (var (_, rewritten) in Misconception.Rewrites(node.Expression))
            {
                var changed = assignment with { Graph = [.. assignment.Graph.Select(g => g.Name == node.Name ? g with { Expression = rewritten } : g)] };
                var scope = new VariantScope(changed, key.ValueMap);
                scope.EvaluateGraph();
                foreach (var q in questions)
                {
                    Add(q, () => scope.Evaluate(q, q.Answer));
                }
            }
        }

        return values;
    }

    private static Tensor Transposed(Tensor m)
    {
        int rows = m.Shape[0], cols = m.Shape[1];
        var data = new double[m.Count];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                data[(j * rows) + i] = m.Data[(i * cols) + j];
            }
        }

        return new Tensor([cols, rows], data);
    }
}
