using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Learners;

/// <summary>The account page: name, certificate name and language; all one's data as JSON; deleting it all.</summary>
public static class ProfileEndpoints
{
    public static IEndpointRouteBuilder MapProfilePages(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup(SiteEndpoints.CulturePattern + "/account");
        account.MapPage("/", ShowAsync);
        account.MapPost("/", SaveAsync);
        account.MapPage("/export", ExportAsync);
        account.MapPost("/delete", DeleteAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string culture, SitePages pages, UserManager<LearnUser> users) =>
        await users.GetUserAsync(http.User) is { } user
            ? await Page(http, pages, culture, user, saved: false, [])
            : SignInFirst(culture, http);

    private static async Task<IResult> SaveAsync(HttpContext http, string culture, [FromForm] ProfileForm? formFields, SitePages pages, UserManager<LearnUser> users,
        SignInManager<LearnUser> signIn, UiStrings strings, Certificates certificates, LearnerSession session)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new ProfileForm();
        if (await users.GetUserAsync(http.User) is not { } user) return SignInFirst(culture, http);
        var errors = new List<string>();
        if (form.DisplayName is { Length: > 100 } || form.CertificateName is { Length: > 100 }) errors.Add(strings.Get(culture, AccountMessages.NameTooLong));
        if (errors.Count > 0) return await Page(http, pages, culture, user, saved: false, errors, StatusCodes.Status400BadRequest);
        user.DisplayName = Clean(form.DisplayName);
        user.CertificateName = Clean(form.CertificateName);
        if (Cultures.IsSupported(form.PreferredCulture)) user.PreferredCulture = form.PreferredCulture!;
        await users.UpdateAsync(user);
        if (LearningEndpoints.PrintedName(user) is { } name)
        {
            await certificates.RenameAsync(user.Id, name);
            await session.IssueEarnedCertificatesAsync(user, culture);
        }
        // The name and language live in the sign-in cookie too.
        await signIn.RefreshSignInAsync(user);
        return await Page(http, pages, culture, user, saved: true, []);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, string culture, UserManager<LearnUser> users, LearnerProgress progress, Certificates certificates,
        Learn.Quizzes.QuizAttempts quizAttempts, LearnDbContext db)
    {
        if (await users.GetUserAsync(http.User) is not { } user) return SignInFirst(culture, http);
        var data = new
        {
            Account = new { user.Email, user.EmailConfirmed, user.DisplayName, user.CertificateName, user.PreferredCulture, user.CreatedUtc, Roles = await users.GetRolesAsync(user) },
            CompletedLessons = (await progress.AllAsync(user.Id)).Select(p => new { Lesson = p.LessonKey, p.CompletedUtc }),
            QuizAttempts = (await quizAttempts.AllAsync(user.Id)).Select(a => new
            {
                Quiz = a.QuizKey, a.Culture, a.StartedUtc, a.FinishedUtc, a.Score, a.MaxScore, a.Percent, a.Passed,
                Answers = a.ReadState().Questions,
            }),
            Certificates = (await certificates.OfUserAsync(user.Id)).Select(c => new { c.Code, Course = c.CourseKey, c.Culture, c.PrintedName, c.IssuedUtc, c.RevokedUtc }),
            SignInLinks = await db.Set<OneTimeLink>().AsNoTracking().Where(l => l.Email == user.Email)
                .Select(l => new { l.Purpose, l.CreatedUtc, l.ExpiresUtc, l.UsedUtc }).ToListAsync(),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(data, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        // Everything about a person: no cache, shared or private, may keep a copy.
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(json, "application/json; charset=utf-8", $"myalmaty-learn-{DateTime.UtcNow:yyyy-MM-dd}.json");
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string culture, [FromForm] DeleteForm? formFields, SitePages pages, UserManager<LearnUser> users,
        SignInManager<LearnUser> signIn, LearnDbContext db, UiStrings strings, AuthSessions sessions)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new DeleteForm();
        if (await users.GetUserAsync(http.User) is not { } user) return SignInFirst(culture, http);
        if (form.Confirm is not ("on" or "true" or "yes"))
        {
            return await Page(http, pages, culture, user, saved: false, [strings.Get(culture, AccountMessages.ConfirmDeletion)], StatusCodes.Status400BadRequest);
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Set<LessonProgress>().Where(p => p.LearnerId == user.Id).ExecuteDeleteAsync();
            await db.Set<Learn.Quizzes.QuizAttempt>().Where(a => a.LearnerId == user.Id).ExecuteDeleteAsync();
            await db.Set<Certificate>().Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
            await db.Set<OneTimeLink>().Where(l => l.Email == user.Email).ExecuteDeleteAsync();
            await sessions.EndAllAsync(user.Id);
            await users.DeleteAsync(user);
            await transaction.CommitAsync();
        }
        await signIn.SignOutAsync();
        return Results.Redirect($"/{culture}/?notice=deleted");
    }

    private static Task<IResult> Page(HttpContext http, SitePages pages, string culture, LearnUser user, bool saved, IReadOnlyList<string> errors, int status = StatusCodes.Status200OK) =>
        AccountEndpoints.Form(http, pages, culture, "account-profile", new
        {
            user.Email,
            DisplayName = user.DisplayName ?? "",
            CertificateName = user.CertificateName ?? "",
            user.PreferredCulture,
            Saved = saved,
            Errors = errors,
        }, status);

    private static IResult SignInFirst(string culture, HttpContext http) =>
        Results.Redirect(SignInPage.Url(culture, http.Request.Path.ToUriComponent()));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
