namespace Grader.Worker.Tests.Cli;

public class ValidateCommandTests
{
    [Fact]
    public void The_repositorys_assignments_are_valid()
    {
        var (exit, output, error) = Cli.Run("validate", Repo.Assignments);
        Assert.True(exit == 0, output + error);
        Assert.Equal("", output);
    }

    [Fact]
    public void Problems_print_as_file_line_column_message_and_fail()
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.yaml", "id: bad\ngraph:\n  y: 2 * zz\nquestions:\n  - id: q\n    answer: y\n");
        dir.Write("good.yaml", "id: good\nquestions:\n  - id: q\n    answer: 1\n");
        var (exit, output, _) = Cli.Run("validate", dir.Path);
        Assert.Equal(1, exit);
        Assert.Equal($"{bad}:3:10: graph node y: unknown name 'zz'", output.Trim());
    }

    [Fact]
    public void Duplicate_assignment_ids_across_files_are_reported()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", "id: same\nquestions:\n  - id: q\n    answer: 1\n");
        dir.Write("b.yaml", "id: same\nquestions:\n  - id: q\n    answer: 2\n");
        var (exit, output, _) = Cli.Run("validate", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains("duplicate assignment id 'same'", output);
    }

    [Fact]
    public void A_missing_path_is_a_problem()
    {
        var (exit, output, _) = Cli.Run("validate", "/no/such/folder");
        Assert.Equal(1, exit);
        Assert.Contains("no such file or folder", output);
    }

    [Fact]
    public void Answer_files_in_a_folder_are_not_taken_for_assignments()
    {
        using var dir = new TempDir();
        dir.Write("a.yaml", "id: a\nquestions:\n  - id: q\n    answer: 1\n");
        dir.Write("a.s1.answers.yaml", "assignment: a\nstudent: s1\nanswers:\n  q: 1\n");
        Assert.Equal(0, Cli.Run("validate", dir.Path).Exit);
    }
}
