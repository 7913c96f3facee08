using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Learners;

/// <summary>
/// Sign-up, sign-in (password or one-time link), email confirmation, password reset, sign-out.
/// Every answer about an address is the same whether it has an account or not.
/// </summary>
public static class AccountEndpoints
{
    public const string RateLimitPolicy = "account";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup(SiteEndpoints.CulturePattern + "/account");
        account.MapPage("/sign-in", (HttpContext http, string culture, string? returnPath, SitePages pages) =>
            Form(http, pages, culture, "account-sign-in", new { Email = "", ReturnPath = ReturnPaths.Local(returnPath), Errors = Array.Empty<string>() }));
        account.MapPost("/sign-in", SignInAsync).RequireRateLimiting(RateLimitPolicy);
        account.MapPost("/link", RequestLinkAsync).RequireRateLimiting(RateLimitPolicy);
        account.MapPage("/sign-up", (HttpContext http, string culture, SitePages pages) =>
            Form(http, pages, culture, "account-sign-up", new { Email = "", Name = "", Errors = Array.Empty<string>() }));
        account.MapPost("/sign-up", SignUpAsync).RequireRateLimiting(RateLimitPolicy);
        account.MapPage("/link/{token}", ShowLinkAsync);
        account.MapPost("/link/{token}", UseLinkAsync).RequireRateLimiting(RateLimitPolicy);
        account.MapPage("/reset", (HttpContext http, string culture, SitePages pages) =>
            Form(http, pages, culture, "account-reset-request", new { Email = "", Errors = Array.Empty<string>() }));
        account.MapPost("/reset", RequestResetAsync).RequireRateLimiting(RateLimitPolicy);
        account.MapPage("/reset/{token}", ShowResetAsync);
        account.MapPost("/reset/{token}", ResetAsync).RequireRateLimiting(RateLimitPolicy);
        account.MapPost("/sign-out", async (HttpContext http, string culture, SignInManager<LearnUser> signIn, [FromForm] LinkForm _) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect($"/{culture}/", preserveMethod: false);
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, string culture, [FromForm] SignInForm? formFields, SitePages pages, PasswordSignIns passwords,
        SignInManager<LearnUser> signIn, UiStrings strings, LearnerSession session)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new SignInForm();
        var email = form.Email?.Trim() ?? "";
        var returnPath = ReturnPaths.Local(form.ReturnPath);
        Task<IResult> Again(string error) => Form(http, pages, culture, "account-sign-in",
            new { Email = email, ReturnPath = returnPath, Errors = new[] { strings.Get(culture, error) } }, StatusCodes.Status400BadRequest);

        if (EmailProblem(email) is { } problem) return await Again(problem);
        // The same work and the same answer for every kind of address; see PasswordSignIns.
        var check = await passwords.CheckAsync(email, form.Password ?? "");
        switch (check.Outcome)
        {
            case PasswordCheck.LockedOut:
                return await Again(AccountMessages.LockedOut);
            case PasswordCheck.Closed:
                return await Again(AccountMessages.AccountLocked);
            case PasswordCheck.WrongCredentials:
                return await Again(AccountMessages.WrongCredentials);
            case PasswordCheck.NeedsConfirmation:
                // Only the holder of the right password gets here: the address still needs confirming.
                return await SendLinkAsync(http, culture, email, returnPath, pages, http.RequestServices.GetRequiredService<Accounts>());
        }
        var user = check.User!;
        await signIn.SignInAsync(user, isPersistent: true);
        await session.SignedInAsync(http, user, culture);
        return Results.Redirect(returnPath ?? $"/{culture}/my");
    }

    private static async Task<IResult> RequestLinkAsync(HttpContext http, string culture, [FromForm] SignInForm? formFields, SitePages pages, Accounts accounts, UiStrings strings)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new SignInForm();
        var email = form.Email?.Trim() ?? "";
        if (EmailProblem(email) is { } problem)
        {
            return await Form(http, pages, culture, "account-sign-in",
                new { Email = email, ReturnPath = ReturnPaths.Local(form.ReturnPath), Errors = new[] { strings.Get(culture, problem) } }, StatusCodes.Status400BadRequest);
        }
        return await SendLinkAsync(http, culture, email, ReturnPaths.Local(form.ReturnPath), pages, accounts);
    }

    private static async Task<IResult> SendLinkAsync(HttpContext http, string culture, string email, string? returnPath, SitePages pages, Accounts accounts)
    {
        await accounts.RequestSignInLinkAsync(email, culture, returnPath, token => LinkUrl(http, culture, token));
        return await CheckEmail(http, pages, culture, email);
    }

    private static async Task<IResult> SignUpAsync(HttpContext http, string culture, [FromForm] SignUpForm? formFields, SitePages pages, Accounts accounts, UiStrings strings)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new SignUpForm();
        var email = form.Email?.Trim() ?? "";
        var errors = new List<string>();
        if (EmailProblem(email) is { } problem) errors.Add(problem);
        if (form.Name is { Length: > 100 }) errors.Add(AccountMessages.NameTooLong);
        if (errors.Count == 0)
        {
            var result = await accounts.SignUpAsync(email, form.Password ?? "", form.Name, culture, token => LinkUrl(http, culture, token, "confirm"));
            if (result.Accepted) return await CheckEmail(http, pages, culture, email);
            errors.AddRange(result.PasswordErrors.Select(AccountMessages.ForPasswordError).Distinct());
        }
        return await Form(http, pages, culture, "account-sign-up",
            new { Email = email, Name = form.Name ?? "", Errors = errors.Select(e => strings.Get(culture, e)).ToArray() }, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ShowLinkAsync(HttpContext http, string culture, string token, string? purpose, SitePages pages, OneTimeLinks links)
    {
        var kind = PurposeOf(purpose);
        var peek = await links.PeekAsync(token, kind);
        return await Form(http, pages, culture, "account-link", LinkPage(token, purpose, peek.Failure));
    }

    private static object LinkPage(string token, string? purpose, LinkFailure failure, IEnumerable<string>? errors = null) => new
    {
        Token = token,
        Purpose = purpose is "confirm" or "setup" or "invite" ? purpose : "sign-in",
        Failure = FailureName(failure),
        Errors = errors?.ToArray() ?? [],
    };

    private static async Task<IResult> UseLinkAsync(HttpContext http, string culture, string token, [FromForm] LinkForm? formFields, SitePages pages, Accounts accounts,
        SignInManager<LearnUser> signIn, LearnerSession session)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new LinkForm();
        var kind = PurposeOf(form.Purpose);
        if (kind == LinkPurpose.Invitation) return await AcceptInvitationAsync(http, culture, token, form, pages, accounts, signIn, session);
        var result = await accounts.SignInWithLinkAsync(token, kind);
        if (result.User is null)
        {
            return await Form(http, pages, culture, "account-link", LinkPage(token, form.Purpose, result.Failure), StatusCodes.Status400BadRequest);
        }
        await signIn.SignInAsync(result.User, isPersistent: true);
        await session.SignedInAsync(http, result.User, culture);
        return Results.Redirect(ReturnPaths.Local(result.ReturnPath) ?? $"/{culture}/my");
    }

    /// <summary>An invitation: the invitee may choose a password now, or leave it and sign in with links.</summary>
    private static async Task<IResult> AcceptInvitationAsync(HttpContext http, string culture, string token, LinkForm form, SitePages pages, Accounts accounts,
        SignInManager<LearnUser> signIn, LearnerSession session)
    {
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        Task<IResult> Again(IEnumerable<string> errors, LinkFailure failure = LinkFailure.None) => Form(http, pages, culture, "account-link",
            LinkPage(token, "invite", failure, errors.Select(e => strings.Get(culture, e))), StatusCodes.Status400BadRequest);

        var password = form.Password ?? "";
        if (password != (form.PasswordAgain ?? "")) return await Again([AccountMessages.PasswordsDiffer]);
        var (failure, passwordErrors, user) = await accounts.AcceptInvitationAsync(token, password);
        if (failure != LinkFailure.None) return await Again([], failure);
        if (user is null) return await Again(passwordErrors.Select(AccountMessages.ForPasswordError).Distinct());
        await signIn.SignInAsync(user, isPersistent: true);
        await session.SignedInAsync(http, user, culture);
        // Staff go to their work; everyone else to their learning.
        var grants = http.RequestServices.GetRequiredService<PermissionGrants>();
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return Results.Redirect(roles.Any(r => grants.Of(r).Contains(Permissions.AdminAccess)) ? "/admin" : $"/{culture}/my");
    }

    private static async Task<IResult> RequestResetAsync(HttpContext http, string culture, [FromForm] SignInForm? formFields, SitePages pages, Accounts accounts, UiStrings strings)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new SignInForm();
        var email = form.Email?.Trim() ?? "";
        if (EmailProblem(email) is { } problem)
        {
            return await Form(http, pages, culture, "account-reset-request", new { Email = email, Errors = new[] { strings.Get(culture, problem) } }, StatusCodes.Status400BadRequest);
        }
        await accounts.RequestPasswordResetAsync(email, culture, token => SitePages.Absolute(http, $"/{culture}/account/reset/{token}"), token => LinkUrl(http, culture, token));
        return await CheckEmail(http, pages, culture, email);
    }

    private static async Task<IResult> ShowResetAsync(HttpContext http, string culture, string token, SitePages pages, OneTimeLinks links)
    {
        var peek = await links.PeekAsync(token, LinkPurpose.ResetPassword);
        return await Form(http, pages, culture, "account-reset", new { Token = token, Errors = Array.Empty<string>(), Failure = FailureName(peek.Failure) });
    }

    private static async Task<IResult> ResetAsync(HttpContext http, string culture, string token, [FromForm] ResetForm? formFields, SitePages pages, Accounts accounts,
        SignInManager<LearnUser> signIn, UiStrings strings, LearnerSession session)
    {
        // An empty form binds to null; treat it as a form with empty fields.
        var form = formFields ?? new ResetForm();
        Task<IResult> Again(IEnumerable<string> errors, LinkFailure failure = LinkFailure.None) => Form(http, pages, culture, "account-reset",
            new { Token = token, Errors = errors.Select(e => strings.Get(culture, e)).ToArray(), Failure = FailureName(failure) }, StatusCodes.Status400BadRequest);

        if (form.Password != form.PasswordAgain) return await Again([AccountMessages.PasswordsDiffer]);
        var (failure, passwordErrors, user) = await accounts.ResetPasswordAsync(token, form.Password ?? "");
        if (failure != LinkFailure.None) return await Again([], failure);
        if (user is null) return await Again(passwordErrors.Select(AccountMessages.ForPasswordError).Distinct());
        await signIn.SignInAsync(user, isPersistent: true);
        await session.SignedInAsync(http, user, culture);
        return Results.Redirect($"/{culture}/my");
    }

    private static Task<IResult> CheckEmail(HttpContext http, SitePages pages, string culture, string email) =>
        Form(http, pages, culture, "account-check-email", new { Email = email });

    internal static Task<IResult> Form(HttpContext http, SitePages pages, string culture, string view, object model, int status = StatusCodes.Status200OK)
    {
        var page = SitePages.ForSection(http, culture, "account") with { Alternates = [] };
        // The answer to a form is no address to switch language at; the account page is.
        if (HttpMethods.IsPost(http.Request.Method)) page = page with { SwitchUrl = $"/{Cultures.Other(culture)}/account" };
        return pages.Render(http, view, page, model, status, forms: true);
    }

    private static string LinkUrl(HttpContext http, string culture, string token, string? purpose = null) =>
        SitePages.Absolute(http, $"/{culture}/account/link/{token}{(purpose is null ? "" : $"?purpose={purpose}")}");

    internal static string? EmailProblem(string email) =>
        email.Length == 0 ? AccountMessages.EmailMissing
        : email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email ? AccountMessages.EmailInvalid
        : null;

    private static LinkPurpose PurposeOf(string? purpose) => purpose switch
    {
        "confirm" => LinkPurpose.ConfirmEmail,
        "setup" => LinkPurpose.Setup,
        "invite" => LinkPurpose.Invitation,
        _ => LinkPurpose.SignIn,
    };

    private static string? FailureName(LinkFailure failure) => failure switch
    {
        LinkFailure.None => null,
        LinkFailure.Expired => "expired",
        LinkFailure.AlreadyUsed => "used",
        LinkFailure.AccountLocked => "locked",
        _ => "unknown",
    };
}
