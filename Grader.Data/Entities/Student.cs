namespace Grader.Data.Entities;

/// <summary>A student on the class list, with the secret of their personal sign-in link.</summary>
public sealed class Student
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>The student id as imported (trimmed): the id their answers are graded under.</summary>
    public string StudentId { get; set; } = "";

    /// <summary>The id trimmed and case-folded: <c>Alice </c> and <c>alice</c> are one student.</summary>
    public string Key { get; set; } = "";

    /// <summary>Full name, if the class list gave one.</summary>
    public string? Name { get; set; }

    /// <summary>E-mail address, if the class list gave one.</summary>
    public string? Email { get; set; }

    /// <summary>The long random secret of the personal link (<c>/s/TOKEN</c>).</summary>
    public string Token { get; set; } = "";

    /// <summary>When the student was first imported (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the row last changed: import or a new link (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
