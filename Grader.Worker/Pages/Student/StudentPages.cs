using Grader.Domain.Output;
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
/// The student's side: the personal link <c>/s/TOKEN</c> (sets the sign-in cookie), <c>/me</c>,
/// each assignment's page with the student's own values, the answer form (Check, Submit) and an
/// upload, a printable handout, and the handout as JSON at <c>/api/me/assignments/{id}</c>.
/// Forms carry the framework's antiforgery token; no page needs JavaScript.
/// </summary>
public static class StudentEndpoints
{
    /// <summary>Maps the student routes.</summary>
    public static WebApplication MapStudentPages(this WebApplication app)
    {
        app.MapGet("/s/{token}", SignInAsync);
        app.MapPost("/s/{token}", ConfirmSignInAsync);
        app.MapGet("/me/sign-out", () => PageResult.Of<ConfirmPage>(new
        {
            Title = "Sign out", Heading = "Sign out?", Text = "This browser will no longer be signed in; your personal link signs it in again.",
            Action = "/me/sign-out", Button = "Sign out", CancelHref = "/me", CancelText = "← your assignments",
        }));
        app.MapPost("/me/sign-out", ([FromForm] IFormCollection _, HttpResponse response) => // the form binding checks the antiforgery token
        {
            response.Cookies.Delete(StudentSignIn.Cookie, new CookieOptions { Path = "/" });
            return PageResult.Message(200, "Signed out", "Signed out", "Open your personal link to sign in again.");
        });
        app.MapGet("/me", HomeAsync);
        app.MapGet("/me/assignments/{id}", AssignmentAsync);
        app.MapPost("/me/assignments/{id}", AnswerAsync).WithFormOptions(bufferBody: true); // read again case-sensitively
        app.MapPost("/me/assignments/{id}/upload", UploadAsync);
        app.MapPost("/me/assignments/{id}/graph", GraphAsync);
        app.MapGet("/me/assignments/{id}/handout", HandoutAsync);
        app.MapGet("/api/me/assignments/{id}", HandoutJsonAsync);
        return app;
    }

    /// <summary>
    /// The personal link. When the browser already holds another sign-in (another student's, or
    /// the TA's), it changes nothing and asks first, with a button that posts back here: a page on
    /// another site cannot sign a browser in as someone else behind its user's back (login CSRF).
    /// </summary>
    private static async Task<IResult> SignInAsync(string token, HttpContext http, StudentDirectory directory, TaTokenStore tokens, CancellationToken ct)
    {
        if (await directory.FindByTokenAsync(token, ct) is not { } student)
        {
            return LinkNotValid();
        }

        var cookie = http.Request.Cookies[StudentSignIn.Cookie];
        var held = cookie is { Length: > 0 } && cookie != token ? (await directory.FindByTokenAsync(cookie, ct))?.StudentId : null;
        held ??= cookie != token && tokens.Matches(http.Request.Cookies[Credentials.Cookie]) ? "the TA" : null;
        if (held is not null)
        {
            return PageResult.Of<ConfirmPage>(new
            {
                Title = "Switch sign-in", Heading = "Continue as " + student.StudentId + "?",
                Text = $"You are signed in as {held}: continue as {student.StudentId}?",
                Action = "/s/" + Uri.EscapeDataString(token), Button = "Continue as " + student.StudentId,
                CancelHref = held == "the TA" ? "/" : "/me", CancelText = "← stay signed in as " + held,
            });
        }

        StudentSignIn.SetCookie(http.Response, token);
        return Results.Redirect("/me", permanent: false, preserveMethod: false);
    }

    /// <summary>The button of the question above (the form binding checks its antiforgery token).</summary>
    private static async Task<IResult> ConfirmSignInAsync(string token, [FromForm] IFormCollection form, HttpResponse response, StudentDirectory directory, CancellationToken ct)
    {
        _ = form;
        if (await directory.FindByTokenAsync(token, ct) is null)
        {
            return LinkNotValid();
        }

        StudentSignIn.SetCookie(response, token);
        return Results.Redirect("/me", permanent: false, preserveMethod: false);
    }

    private static IResult LinkNotValid() =>
        PageResult.Message(404, "Link not valid", "This link is not valid",
            "It may have been replaced by a new one. Ask your instructor for your current link.");

    private static async Task<IResult> HomeAsync(HttpRequest request, StudentSignIn signIn, HandoutService handouts, StudentRecords records, StudentRulesService rules, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, ct: ct) is not { } student)
        {
            return NotSignedIn(request);
        }

        var assignments = await handouts.AssignmentsAsync(ct);
        var standing = new Dictionary<string, Domain.Policy.StudentRules>();
        foreach (var a in assignments)
        {
            if (await rules.ForAsync(a.Id, student.StudentId, ct) is { } r)
            {
                standing[a.Id] = r;
            }
        }

        return PageResult.Of<StudentHomePage>(new
        {
            Student = student,
            Assignments = assignments,
            Submissions = await records.SubmissionsAsync(student.StudentId, ct: ct),
            Rules = (IReadOnlyDictionary<string, Domain.Policy.StudentRules>)standing,
            Now = rules.Now,
        });
    }

    private static async Task<IResult> AssignmentAsync(string id, long? submitted, HttpRequest request, StudentSignIn signIn, HandoutService handouts, StudentRecords records, StudentRulesService rules, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, ct: ct) is not { } student)
        {
            return NotSignedIn(request);
        }

        // After Submit the fields show again what was typed (read back from the stored submission).
        var typed = submitted is { } s ? await records.TypedAsync(student.StudentId, s, ct) : null;
        return await PageAsync(id, student, handouts, records, rules, ct, typed, notice: submitted is { } n
            ? $"Submission #{n} received: it is being graded. Its score and report appear below (reload the page)."
            : null);
    }

    private static async Task<IResult> AnswerAsync(
        string id, [FromForm] IFormCollection form, HttpRequest request, StudentSignIn signIn, HandoutService handouts, StudentRecords records, StudentRulesService rules, SubmissionIntake intake, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, form, ct) is not { } student)
        {
            return NotSignedIn(request);
        }

        if (await handouts.AssignmentAsync(id, ct) is not { } assignment)
        {
            return NoAssignment(id);
        }

        var answers = AnswerForm.Of(await CaseSensitiveForm.ReadAsync(request, ct));
        if (form["action"] != "submit")
        {
            return await PageAsync(id, student, handouts, records, rules, ct, answers, answers.Check(assignment, student.StudentId));
        }

        if (answers.Fields.Count == 0)
        {
            return await PageAsync(id, student, handouts, records, rules, ct, answers, error: "Nothing to submit: every field is empty.", status: 400);
        }

        var content = System.Text.Encoding.UTF8.GetBytes(answers.ToAnswerFile(assignment, student.StudentId));
        var result = await intake.AcceptAsync(content, "web", AnswerForm.FileName, Submitter.For(student), ct: ct);
        return result.Accepted
            ? Results.Redirect($"/me/assignments/{Uri.EscapeDataString(id)}?submitted={result.Id}")
            : await PageAsync(id, student, handouts, records, rules, ct, answers, error: $"Not accepted: {result.Reason}", status: result.RefusedWith);
    }

    /// <summary>The live drawing of a graph answer as typed: <c>{"status", "message", "svg"}</c>, what Check says of that field; stores nothing.</summary>
    private static async Task<IResult> GraphAsync(
        string id, [FromForm] IFormCollection form, HttpRequest request, StudentSignIn signIn, HandoutService handouts, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, form, ct) is null)
        {
            return Results.Json(new { error = "sign in with your personal link first" }, statusCode: 401);
        }

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
        string id, IFormFile? file, HttpRequest request, StudentSignIn signIn, HandoutService handouts, StudentRecords records, StudentRulesService rules, SubmissionIntake intake, IOptions<GraderOptions> options, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, ct: ct) is not { } student)
        {
            return NotSignedIn(request);
        }

        if (file is null || file.Length == 0)
        {
            return await PageAsync(id, student, handouts, records, rules, ct, error: "Choose an answer file to upload.", status: 400);
        }

        var limit = options.Value.MaxSubmissionBytes;
        var truncated = file.Length > limit;
        var content = new byte[Math.Min(file.Length, limit)];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }

        var result = await intake.AcceptAsync(content, "web", file.FileName, Submitter.For(student), truncated, ct);
        return result.Accepted
            ? Results.Redirect($"/me/assignments/{Uri.EscapeDataString(id)}?submitted={result.Id}")
            : await PageAsync(id, student, handouts, records, rules, ct, error: $"Not accepted: {result.Reason}", status: result.RefusedWith);
    }

    private static async Task<IResult> HandoutAsync(string id, HttpRequest request, StudentSignIn signIn, HandoutService handouts, StudentRulesService rules, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, ct: ct) is not { } student)
        {
            return NotSignedIn(request);
        }

        return await handouts.ForAsync(id, student.StudentId, ct) is { } handout
            ? PageResult.Of<HandoutPage>(new { Handout = handout, student.Name, Rules = await rules.ForAsync(id, student.StudentId, ct), rules.Now })
            : NoAssignment(id);
    }

    private static async Task<IResult> HandoutJsonAsync(string id, HttpRequest request, StudentSignIn signIn, HandoutService handouts, StudentRulesService rules, CancellationToken ct)
    {
        if (await signIn.StudentAsync(request, ct: ct) is not { } student)
        {
            return Results.Json(new { error = "a student token is needed: Authorization: Bearer TOKEN (the token of your personal link)" }, statusCode: 401);
        }

        return await handouts.ForAsync(id, student.StudentId, ct) is { } handout
            ? Results.Text(HandoutJson.Write(handout, await rules.ForAsync(id, student.StudentId, ct)), "application/json")
            : Results.Json(new { error = $"unknown assignment '{id}'" }, statusCode: 404);
    }

    private static async Task<IResult> PageAsync(
        string id, StudentIdentity student, HandoutService handouts, StudentRecords records, StudentRulesService rules, CancellationToken ct,
        AnswerForm? form = null, IReadOnlyList<FieldCheck>? checks = null, string? notice = null, string? error = null, int status = 200)
    {
        if (await handouts.ForAsync(id, student.StudentId, ct) is not { } handout)
        {
            return NoAssignment(id);
        }

        return PageResult.Of<StudentAssignmentPage>(
            new
            {
                Student = student,
                Handout = handout,
                Form = form,
                Checks = checks,
                Submissions = await records.SubmissionsAsync(student.StudentId, id, ct),
                Rules = await rules.ForAsync(id, student.StudentId, ct),
                Now = rules.Now,
                Notice = notice,
                Error = error,
            },
            status);
    }

    private static IResult NotSignedIn(HttpRequest request) =>
        PageResult.Message(401, "Sign in", "Please sign in",
            request.Cookies.ContainsKey(StudentSignIn.Cookie)
                ? "Your sign-in link has been replaced. Open the new link your instructor sent you."
                : "Open the personal link your instructor sent you (it looks like /s/…); it signs this browser in.");

    private static IResult NoAssignment(string id) =>
        PageResult.Message(404, "Not found", $"No assignment '{id}'", linkHref: "/me", linkText: "← your assignments");
}
