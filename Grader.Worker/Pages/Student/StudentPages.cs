using Grader.Worker.Access;
using Grader.Worker.Hardening;
using Grader.Worker.Intake;
using Grader.Worker.Pages.Shared;
using Grader.Worker.Settings;
using Grader.Worker.Students;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grader.Worker.Pages.Student;

/// <summary>
/// The student's pages (rule <see cref="AccessRule.Student"/>): <c>/me</c>, each assignment's page
/// with the student's own values, the answer form (Check, Submit) and an upload, and a printable
/// handout. Signing in (<c>/s/TOKEN</c>) and out is the access room's (<c>Access/SignInRoutes.cs</c>).
/// Forms carry the framework's antiforgery token; no page needs JavaScript.
/// </summary>
public static class StudentPages
{
    /// <summary>Maps the student's pages into the student group (the signed-in student).</summary>
    public static IEndpointRouteBuilder MapStudentPages(this IEndpointRouteBuilder app)
    {
        var student = app.MapAccessGroup(AccessRule.Student);
        student.MapGet("/me", HomeAsync);
        student.MapGet("/me/assignments/{id}", AssignmentAsync);
        student.MapPost("/me/assignments/{id}", AnswerAsync).WithFormOptions(bufferBody: true); // read again case-sensitively
        student.MapPost("/me/assignments/{id}/upload", UploadAsync).DrainsOverSizeBodies();

        // The address a refused upload leaves in the browser's bar: opened again (Enter, a restored tab), it is the assignment's page.
        student.MapGet("/me/assignments/{id}/upload", (string id) => Results.Redirect($"/me/assignments/{Uri.EscapeDataString(id)}"));
        student.MapPost("/me/assignments/{id}/graph", GraphAsync).WithMetadata(new JsonRefusal("sign in with your personal link first"));
        student.MapGet("/me/assignments/{id}/handout", HandoutAsync);
        return app;
    }

    private static async Task<IResult> HomeAsync(HttpRequest request, HandoutService handouts, StudentRecords records, StudentRulesService rules, CancellationToken ct)
    {
        var student = AccessGate.StudentOf(request.HttpContext);

        var assignments = await handouts.AssignmentsAsync(ct);
        var standing = new Dictionary<string, Domain.Policy.StudentRules>();
        foreach (var a in assignments)
        {
            if (await rules.ForAsync(a.Id, student.StudentId, ct) is { } r)
            {
                standing[a.Id] = r;
            }
        }

        return StudentHomePage.Of(
            student: student,
            assignments: assignments,
            submissions: await records.SubmissionsAsync(student.StudentId, ct: ct),
            rules: standing,
            now: rules.Now);
    }

    private static async Task<IResult> AssignmentAsync(string id, HttpRequest request, HandoutService handouts, StudentRecords records, StudentRulesService rules, CancellationToken ct)
    {
        // ?submitted= is read leniently: anything but a whole number is ignored, as an id that is not the student's is.
        long? submitted = long.TryParse(request.Query["submitted"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var student = AccessGate.StudentOf(request.HttpContext);

        // After Submit the fields show again what was typed (read back from the stored submission, the student's own of this assignment).
        var typed = submitted is { } s ? await records.TypedAsync(student.StudentId, id, s, ct) : null;
        return await PageAsync(id, student, handouts, records, rules, ct, typed, submitted: submitted);
    }

    /// <summary>
    /// The notice after Submit: the grade when it is already there (graded at intake, in the commit
    /// that stored the submission), else that it is being graded (the page's script then polls).
    /// </summary>
    private static string SubmittedNotice(long id, IEnumerable<StudentSubmission> submissions) =>
        submissions.FirstOrDefault(s => s.Id == id) is { Status: Grader.Data.Entities.SubmissionStatus.Graded, Score: { } score } graded
            ? $"Submission #{id} is graded: {Format.N(score)} / {Format.N(graded.MaxScore)}. Its report is linked below."
            : $"Submission #{id} received: it is being graded. Its score and report appear below (reload the page).";

    private static async Task<IResult> AnswerAsync(
        string id, [FromForm] IFormCollection form, HttpRequest request, HandoutService handouts, StudentRecords records, StudentRulesService rules, SubmissionIntake intake,
        IOptions<GraderOptions> options, CancellationToken ct)
    {
        var student = AccessGate.StudentOf(request.HttpContext);

        if (await handouts.AssignmentAsync(id, ct) is not { } assignment)
        {
            return NoAssignment(id);
        }

        var answers = AnswerForm.Of(await CaseSensitiveForm.ReadAsync(request, ct));
        if (form["action"] != "submit")
        {
            return await PageAsync(id, student, handouts, records, rules, ct, answers, answers.Check(assignment, student.StudentId), warnings: answers.Warnings(assignment));
        }

        if (answers.Fields.Count == 0)
        {
            return await PageAsync(id, student, handouts, records, rules, ct, answers, error: "Nothing to submit: every field is empty.", status: 400);
        }

        var (content, over) = SizeLimitedReader.Of(System.Text.Encoding.UTF8.GetBytes(answers.ToAnswerFile(assignment, student.StudentId)), options.Value.MaxSubmissionBytes);
        var result = await intake.AcceptAsync(content, "web", AnswerForm.FileName, Submitter.For(student), over, ct);
        return result.Accepted
            ? Results.Redirect($"/me/assignments/{Uri.EscapeDataString(id)}?submitted={result.Id}")
            : await PageAsync(id, student, handouts, records, rules, ct, answers, error: $"Not accepted: {result.Reason}", status: result.RefusedWith);
    }

    /// <summary>The live drawing of a graph answer as typed: <c>{"status", "message", "svg"}</c>, what Check says of that field; stores nothing.</summary>
    private static async Task<IResult> GraphAsync(
        string id, [FromForm] IFormCollection form, HttpRequest request, HandoutService handouts, CancellationToken ct)
    {
        if (await handouts.AssignmentAsync(id, ct) is not { } assignment)
        {
            return Results.Json(new { error = $"unknown assignment '{LogText.Escape(id, 100)}'" }, statusCode: 404);
        }

        if (assignment.FindQuestion(form["question"].ToString()) is not { Graph: not null } question)
        {
            return Results.Json(new { error = "not a graph question of this assignment" }, statusCode: 400);
        }

        var check = AnswerForm.CheckGraph(assignment, question, form["text"].ToString());
        return Results.Json(new { status = check.Status, message = check.Message, svg = check.Drawing });
    }

    private static async Task<IResult> UploadAsync(
        string id, IFormFile? file, HttpRequest request, HandoutService handouts, StudentRecords records, StudentRulesService rules, SubmissionIntake intake, IOptions<GraderOptions> options, CancellationToken ct)
    {
        var student = AccessGate.StudentOf(request.HttpContext);

        if (file is null || file.Length == 0)
        {
            return await PageAsync(id, student, handouts, records, rules, ct, error: "Choose an answer file to upload.", status: 400);
        }

        byte[] content;
        bool over;
        await using (var stream = file.OpenReadStream())
        {
            (content, over) = await SizeLimitedReader.ReadAsync(stream, options.Value.MaxSubmissionBytes, ct);
        }

        var result = await intake.AcceptAsync(content, "web", file.FileName, Submitter.For(student), over, ct);
        return result.Accepted
            ? Results.Redirect($"/me/assignments/{Uri.EscapeDataString(id)}?submitted={result.Id}")
            : await PageAsync(id, student, handouts, records, rules, ct, error: $"Not accepted: {result.Reason}", status: result.RefusedWith);
    }

    private static async Task<IResult> HandoutAsync(string id, HttpRequest request, HandoutService handouts, StudentRulesService rules, CancellationToken ct)
    {
        var student = AccessGate.StudentOf(request.HttpContext);

        return await handouts.ForAsync(id, student.StudentId, ct) is { } handout
            ? HandoutPage.Of(handout, student.Name, await rules.ForAsync(id, student.StudentId, ct), rules.Now)
            : NoAssignment(id);
    }

    private static async Task<IResult> PageAsync(
        string id, StudentIdentity student, HandoutService handouts, StudentRecords records, StudentRulesService rules, CancellationToken ct,
        AnswerForm? form = null, IReadOnlyList<FieldCheck>? checks = null, string? error = null, int status = 200, long? submitted = null,
        IReadOnlyList<string>? warnings = null)
    {
        if (await handouts.ForAsync(id, student.StudentId, ct) is not { } handout)
        {
            return NoAssignment(id);
        }

        var submissions = await records.SubmissionsAsync(student.StudentId, id, ct);

        // ?submitted= names the submission just handed in; any id but one of this student's own of this assignment is ignored.
        submitted = submissions.Any(s => s.Id == submitted) ? submitted : null;
        return StudentAssignmentPage.Of(
            student: student,
            handout: handout,
            form: form,
            checks: checks,
            submissions: submissions,
            rules: await rules.ForAsync(id, student.StudentId, ct),
            now: rules.Now,
            notice: submitted is { } n ? SubmittedNotice(n, submissions) : null,
            error: error,
            warnings: submitted is { } w ? await records.WarningsAsync(student.StudentId, w, ct) : warnings,
            status: status);
    }

    private static IResult NoAssignment(string id) =>
        PageResult.Message(404, "Not found", $"No assignment '{id}'", linkHref: "/me", linkText: "← your assignments");
}
