using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MyAlmaty.Learn.Courses.Certificates;
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

    private static async Task<IResult> ExportAsync(HttpContext http, string culture, UserManager<LearnUser> users, PersonalData personalData, AlmatyClock clock)
    {
        if (await users.GetUserAsync(http.User) is not { } user) return SignInFirst(culture, http);
        // Signed-in answers are «private, no-store» already: no cache, shared or private, keeps a copy.
        return Results.File(await personalData.ExportAsync(user, http.RequestAborted), "application/json; charset=utf-8", $"myalmaty-data-{clock.Now:yyyy-MM-dd}.json");
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string culture, [FromForm] DeleteForm? formFields, SitePages pages, UserManager<LearnUser> users,
        SignInManager<LearnUser> signIn, UiStrings strings, PersonalData personalData)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new DeleteForm();
        if (await users.GetUserAsync(http.User) is not { } user) return SignInFirst(culture, http);
        if (form.Confirm is not ("on" or "true" or "yes"))
        {
            return await Page(http, pages, culture, user, saved: false, [strings.Get(culture, AccountMessages.ConfirmDeletion)], StatusCodes.Status400BadRequest);
        }
        // A site without an administrator could not be managed any more, nor get one back from the browser.
        if (await http.RequestServices.GetRequiredService<People>().IsLastAdministratorAsync(user.Id))
        {
            return await Page(http, pages, culture, user, saved: false, [strings.Get(culture, AccountMessages.LastAdministrator)], StatusCodes.Status409Conflict);
        }
        await personalData.EraseAsync(user);
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
