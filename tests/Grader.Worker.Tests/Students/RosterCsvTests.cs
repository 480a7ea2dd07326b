using System.Text;
using Grader.Worker.Students;

namespace Grader.Worker.Tests.Students;

public class RosterCsvTests
{
    private static RosterFile Read(string text, bool bom = false) =>
        RosterCsv.Read([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)], "class.csv");

    public static TheoryData<string, string, bool, string[]> Files => new()
    {
        // name, csv text, with a byte-order mark, expected "student|name|email" rows
        { "plain", "student,name,email\nada,Ada Lovelace,ada@example.org\nbob,Bob,\n", false, ["ada|Ada Lovelace|ada@example.org", "bob|Bob|"] },
        { "byte-order mark", "student,name\nada,Ada\n", true, ["ada|Ada|"] },
        { "only the student column", "student\nada\nbob\n", false, ["ada||", "bob||"] },
        { "header in any case, with spaces", " Student , NAME ,Email\nada,Ada,a@x\n", false, ["ada|Ada|a@x"] },
        { "quoted fields with commas, quotes and a line break", "student,name\n\"s,1\",\"Lovelace, Ada \"\"Countess\"\"\"\n\"s2\",\"two\nlines\"\n", false, ["s,1|Lovelace, Ada \"Countess\"|", "s2|two\nlines|"] },
        { "an LMS export with extra columns", "Last,First,student,Section,email,Total\nLovelace,Ada,ada,A1,ada@x,99\n", false, ["ada||ada@x"] },
        { "semicolons, as spreadsheets write in many locales", "student;name\nada;Ada\n", false, ["ada|Ada|"] },
        { "empty rows and rows of empty fields", "student,name\n\nada,Ada\n,\n\r\nbob,Bob\n\n", false, ["ada|Ada|", "bob|Bob|"] },
        { "ids trimmed", "student,name\n  ada  , Ada \n", false, ["ada|Ada|"] },
        { "CRLF line ends", "student,name\r\nada,Ada\r\nbob,Bob\r\n", false, ["ada|Ada|", "bob|Bob|"] },
        { "duplicate ids, compared case-folded: the last row wins", "student,name,email\nAda,,ada@x\nada ,Ada L,\nbob,Bob,\n", false, ["ada|Ada L|", "bob|Bob|"] },
        { "Moodle: ID number, First name + Surname, Email address", "First name,Surname,ID number,Institution,Email address\nAda,Lovelace,s1,Uni,ada@x\n", false, ["s1|Ada Lovelace|ada@x"] },
        { "Canvas: SIS User ID before ID, Name, Email", "Name,ID,SIS User ID,SIS Login ID,Section,Email\nAda Lovelace,4711,s1,ada,A,ada@x\n", false, ["s1|Ada Lovelace|ada@x"] },
        { "Canvas without SIS ids: ID", "Name,ID,Email\nAda Lovelace,4711,ada@x\n", false, ["4711|Ada Lovelace|ada@x"] },
        { "Canvas's gradebook export: Student is the name, SIS User ID the id", "Student,ID,SIS User ID,Section\n\"Lovelace, Ada\",4711,s1,A\n", false, ["s1||"] },
        { "Blackboard: Student ID, First Name + Last Name, Email", "Last Name,First Name,Username,Student ID,Email\nLovelace,Ada,alove,s1,ada@x\n", false, ["s1|Ada Lovelace|ada@x"] },
        { "Blackboard without student ids: Username", "Last Name,First Name,Username,Email\nLovelace,Ada,alove,ada@x\n", false, ["alove|Ada Lovelace|ada@x"] },
        { "Brightspace: OrgDefinedId, First Name + Last Name, Email", "OrgDefinedId,Username,Last Name,First Name,Email,End-of-Line Indicator\ns1,alove,Lovelace,Ada,ada@x,#\n", false, ["s1|Ada Lovelace|ada@x"] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_class_lists(string name, string text, bool bom, string[] expected)
    {
        var file = Read(text, bom);
        Assert.True(file.Error is null, $"{name}: {file.Error}");
        Assert.Equal(expected, file.Rows.Select(r => $"{r.Student}|{r.Name}|{r.Email}"));
    }

    [Fact]
    public void A_repeated_id_and_a_row_without_an_id_are_warnings_with_their_lines()
    {
        var file = Read("student,name\nada,Ada\n,Nobody\nADA,\n");
        Assert.Equal(["class.csv:3: no student id; row skipped", "class.csv:4: student 'ADA' already on line 2; the last row wins"], file.Warnings);
        Assert.Null(Assert.Single(file.Rows).Name);
    }

    /// <summary>An attacker's try: look-alikes of ada, eve and bob imported with working links (answer files and extensions already refused such ids).</summary>
    [Theory]
    [InlineData("ada\u200b", "U+200B")]
    [InlineData("eve\u200d", "U+200D")]
    [InlineData("\u2066bob\u2069", "U+2066")]
    public void An_id_with_an_invisible_character_is_skipped_with_a_warning(string id, string codePoint)
    {
        var file = Read($"student,name\nada,Ada\n{id},Look-alike\n");
        Assert.Equal($"class.csv:3: the student id contains an invisible or control character ({codePoint}); use letters, digits and visible punctuation; row skipped", Assert.Single(file.Warnings));
        Assert.Equal("ada", Assert.Single(file.Rows).Student);
    }

    [Theory]
    [InlineData("name,email\nAda,ada@x\n", "class.csv:1: a class list needs a 'student' column, or an LMS export's id column (columns: name, email)")]
    [InlineData("", "class.csv:1: a class list needs a 'student' column, or an LMS export's id column (no header row)")]
    public void A_file_without_a_student_column_is_refused(string text, string error)
    {
        var file = Read(text);
        Assert.Equal(error, file.Error);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused()
    {
        var file = RosterCsv.Read([.. "student\n"u8, 0xff, 0xfe, 0x41, (byte)'\n'], "class.csv");
        Assert.NotNull(file.Error);
        Assert.Contains("class.csv", file.Error);
    }

    [Fact]
    public void Columns_can_be_named()
    {
        var text = "Matrikel,Vorname Nachname,Mail,student\n123,Ada Lovelace,ada@x,ignored\n";
        var file = RosterCsv.Read(Encoding.UTF8.GetBytes(text), "class.csv", new RosterColumns("Matrikel", "vorname nachname", "Mail"));
        Assert.Equal(["123|Ada Lovelace|ada@x"], file.Rows.Select(r => $"{r.Student}|{r.Name}|{r.Email}"));
        var missing = RosterCsv.Read(Encoding.UTF8.GetBytes(text), "class.csv", new RosterColumns("Student ID"));
        Assert.Equal("class.csv:1: no column 'Student ID' for the student id (columns: Matrikel, Vorname Nachname, Mail, student)", missing.Error);
    }
}
