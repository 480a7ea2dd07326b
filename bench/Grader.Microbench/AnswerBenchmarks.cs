using BenchmarkDotNet.Attributes;
using Grader.Domain.Assignments;
using Grader.Domain.Grading;
using Grader.Domain.Output;
using Grader.Reference;
using Grader.Tests;

namespace Grader.Microbench;

/// <summary>
/// The grader's hot paths on a real assignment of the repository: a student's answer key, reading
/// an answer file, comparing one answer with its key, and grading a hand-in whose answers are all
/// wrong (each one searched for a named mistake among the mistake alternatives).
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private Assignment assignment = null!;
    private AnswerKey key = null!;
    private string rightFile = null!;
    private AnswerFile wrong = null!;
    private Tensor given = null!, expected = null!;
    private string[] mixedFiles = null!;
    private int next;

    /// <summary>The assignment whose answers are measured.</summary>
    [Params("tanh-network", "cnn-layer", "batchnorm")]
    public string Assignment { get; set; } = "tanh-network";

    /// <summary>Loads the assignment and writes the answer files once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        assignment = AssignmentLoader.LoadFile(Path.Combine(Repo.Assignments, Assignment + ".yaml")).Assignment
            ?? throw new InvalidOperationException($"{Assignment}.yaml does not load");
        key = AnswerKeyBuilder.Build(assignment, "student-1");
        rightFile = AnswerFileYaml.Write(assignment.Id, "student-1", key.Answers);
        var off = AnswerFileYaml.Write(assignment.Id, "student-1", key.Answers.Select(a => KeyValuePair.Create(a.Key, a.Value.Map(v => (v * 1.5) + 0.25))));
        wrong = AnswerFileReader.Read(off, "wrong.yaml").File ?? throw new InvalidOperationException("the wrong answer file does not read");
        expected = key.Answers.First(a => a.Value.Count > 1).Value;

        // The benchmark's answer mix (bench/Grader.Bench's Workload): each student's own key, one
        // answer in ten off by one, one in ten left out.
        mixedFiles = [.. Enumerable.Range(0, 16).Select(i =>
        {
            var random = new Random(i);
            var own = AnswerKeyBuilder.Build(assignment, $"student-{i}");
            var answers = own.Answers.Select(a => (a.Key, Roll: random.Next(10), a.Value)).Where(a => a.Roll != 0)
                .Select(a => KeyValuePair.Create(a.Key, a.Roll == 1 ? a.Value.Map(v => v + 1) : a.Value));
            return AnswerFileYaml.Write(assignment.Id, $"student-{i}", answers);
        })];
        given = expected.Map(v => v * (1 + 1e-4));
    }

    /// <summary>A student's own answer key (their variant's values drawn, every answer computed).</summary>
    [Benchmark]
    public AnswerKey Key() => AnswerKeyBuilder.Build(assignment, "student-2");

    /// <summary>Reading a correct answer file.</summary>
    [Benchmark]
    public AnswerFileReadResult ParseAnswerFile() => AnswerFileReader.Read(rightFile, "answers.yaml");

    /// <summary>Comparing one tensor answer, within tolerance, with its key.</summary>
    [Benchmark]
    public Comparison Compare() => Comparison.Of(given, expected, Tolerance.Default);

    /// <summary>
    /// What the grading phase of bench/Grader.Bench does per submission: read an answer file of the
    /// benchmark's mix, build its student's key, grade it (16 students in turn).
    /// </summary>
    [Benchmark]
    public GradeReport GradeMixedAnswerFile()
    {
        var file = AnswerFileReader.Read(mixedFiles[next++ % mixedFiles.Length], "answers.yaml").File!;
        return AnswerGrader.Grade(assignment, file);
    }

    /// <summary>Grading a hand-in whose every answer is wrong: the mistake alternatives are searched for each.</summary>
    [Benchmark]
    public GradeReport GradeWrongAnswers() => AnswerGrader.Grade(key, wrong);
}
