using System.Text.Json;
using Grader.Worker.Access;

namespace Grader.Worker.Students;

/// <summary>
/// The class list as JSON: <c>[{"student", "name", "email", "token", "link", "url"}]</c>, <c>link</c>
/// a path such as <c>/s/TOKEN</c> and <c>url</c> the same link made absolute with the service's
/// address (<c>PublicUrl</c>, else the address it listens on).
/// </summary>
public static class RosterJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The objects serialised (also what the HTTP route returns).</summary>
    public static IEnumerable<object> Entries(IEnumerable<StudentIdentity> students, string baseUrl) =>
        students.Select(s => new { student = s.StudentId, name = s.Name, email = s.Email, token = s.Token, link = s.Link, url = baseUrl.TrimEnd('/') + s.Link });

    /// <summary>The JSON text.</summary>
    public static string Write(IEnumerable<StudentIdentity> students, string baseUrl) => JsonSerializer.Serialize(Entries(students, baseUrl), Indented);
}
