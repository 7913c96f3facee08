using System.Globalization;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Learners;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>
/// People (/admin/users): the list, invitations, a person's role and lock. The rules — the last
/// administrator, the audit entries, sessions — are <see cref="People"/>'s; these handlers turn
/// forms into its calls and its answers into pages.
/// </summary>
public static partial class AdminEndpoints
{
    private static void MapPeoplePages(RouteGroupBuilder admin)
    {
        admin.MapPage("/users", PeopleListAsync).RequirePermission(Permissions.UsersManage);
        // Each handler takes the form as a parameter: that is what has ASP.NET Core check its antiforgery token.
        admin.MapPost("/users/invite", InviteAsync).RequirePermission(Permissions.UsersManage);
        admin.MapPage("/users/{id}", PersonAsync).RequirePermission(Permissions.UsersManage);
        admin.MapPost("/users/{id}/role", (HttpContext http, string id, IFormCollection form) =>
            ChangePersonAsync(http, id, (people, me) => people.ChangeRoleAsync(me, id, form["role"].ToString()), "role", RoleNames.All.Contains(form["role"].ToString())))
            .RequirePermission(Permissions.UsersManage);
        admin.MapPost("/users/{id}/lock", (HttpContext http, string id, IFormCollection form) =>
            ChangePersonAsync(http, id, (people, me) => people.LockAsync(me, id), "locked"))
            .RequirePermission(Permissions.UsersManage);
        admin.MapPost("/users/{id}/unlock", (HttpContext http, string id, IFormCollection form) =>
            ChangePersonAsync(http, id, (people, me) => people.UnlockAsync(me, id), "unlocked"))
            .RequirePermission(Permissions.UsersManage);
        admin.MapPost("/users/{id}/invite-again", (HttpContext http, string id, IFormCollection form) =>
            ChangePersonAsync(http, id, (people, me) => people.InviteAgainAsync(me, id, InvitationAddress(http)), "invited-again"))
            .RequirePermission(Permissions.UsersManage);
    }

    private static readonly Dictionary<string, string> PeopleNotices = new(StringComparer.Ordinal)
    {
        ["invited"] = PeopleMessages.Invited,
        ["invited-again"] = PeopleMessages.InvitedAgain,
        ["role"] = PeopleMessages.RoleChanged,
        ["locked"] = PeopleMessages.Locked,
        ["unlocked"] = PeopleMessages.Unlocked,
        ["unchanged"] = PeopleMessages.Unchanged,
    };

    private static async Task<IResult> PeopleListAsync(HttpContext http, AdminPages pages, People people, string? role, string? q, int? page)
    {
        var form = new InviteForm("", "", RoleNames.Learner, AdminPages.CultureOf(http));
        return await PeopleListPageAsync(http, pages, people, role, q, page, form, [], null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> InviteAsync(HttpContext http, IFormCollection form, AdminPages pages, People people)
    {
        var invite = new InviteForm(form["email"].ToString().Trim(), form["name"].ToString().Trim(), form["role"].ToString(), form["culture"].ToString());
        var errors = new List<string>();
        if (invite.Email.Length == 0) errors.Add(PeopleMessages.EmailMissing);
        else if (AccountEndpoints.EmailProblem(invite.Email) is { } problem) errors.Add(problem);
        if (invite.Name.Length > 100) errors.Add(AccountMessages.NameTooLong);
        if (!RoleNames.All.Contains(invite.Role)) errors.Add(PeopleMessages.ChooseRole);
        if (!Cultures.IsSupported(invite.Culture)) errors.Add(PeopleMessages.ChooseLanguage);
        if (errors.Count > 0)
        {
            return await PeopleListPageAsync(http, pages, people, null, null, null, invite, errors.Select(e => pages.T(http, e)).ToList(), null, StatusCodes.Status422UnprocessableEntity);
        }
        var result = await people.InviteAsync(AdminPages.UserId(http)!, new Invitation(invite.Email, invite.Name, invite.Role, invite.Culture),
            InvitationAddress(http));
        if (result.Outcome == PeopleOutcome.AlreadyHasAccount)
        {
            // The one asking manages people: telling them the address has an account tells them nothing new.
            return await PeopleListPageAsync(http, pages, people, null, invite.Email, null, invite, [],
                pages.T(http, PeopleMessages.AlreadyHasAccount, invite.Email), StatusCodes.Status409Conflict);
        }
        return Results.Redirect($"/admin/users/{result.UserId}?notice=invited");
    }

    private static async Task<IResult> PeopleListPageAsync(HttpContext http, AdminPages pages, People people, string? role, string? q, int? page,
        InviteForm invite, IReadOnlyList<string> errors, string? message, int status)
    {
        var chosenRole = role is not null && RoleNames.All.Contains(role) ? role : null;
        var text = (q ?? "").Trim();
        if (text.Length > 200) text = text[..200];
        var result = await people.ListAsync(new PeopleQuery { Role = chosenRole, Text = text.Length > 0 ? text : null, Page = page ?? 1, PageSize = PageSize });
        string Url(int n) => "/admin/users" + QueryString.Create(new Dictionary<string, string?>
        {
            ["role"] = chosenRole, ["q"] = text.Length > 0 ? text : null, ["page"] = n.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent();
        var model = new PeopleListView
        {
            Invite = new InviteFormView(invite.Email, invite.Name,
                RoleNames.All.Select(r => new OptionView(r, pages.T(http, r), r == invite.Role)).ToList(),
                Cultures.All.Select(c => new OptionView(c, c == Cultures.Kazakh ? "Қазақша" : "Русский", c == invite.Culture)).ToList(),
                errors, message),
            Rows = result.Rows.Select(p => new PersonRowView($"/admin/users/{p.Id}", p.DisplayName ?? "", p.Email, p.Role, p.LastSignInUtc, StateOf(p))).ToList(),
            Total = result.Total,
            Page = result.Page,
            Pages = result.Pages,
            Roles = [new("", pages.T(http, "All roles"), chosenRole is null), .. RoleNames.All.Select(r => new OptionView(r, pages.T(http, r), r == chosenRole))],
            Query = text,
            PreviousUrl = result.Page > 1 ? Url(result.Page - 1) : null,
            NextUrl = result.Page < result.Pages ? Url(result.Page + 1) : null,
        };
        return await pages.Render(http, "people", "users", pages.T(http, "People"), model, status);
    }

    private static async Task<IResult> PersonAsync(HttpContext http, string id, AdminPages pages, People people, string? notice)
    {
        if (id.Length > 450 || await people.FindAsync(id) is not { } person) return await NotFoundAsync(http);
        var text = notice is not null && PeopleNotices.TryGetValue(notice, out var msgid) ? pages.T(http, msgid) : null;
        return await PersonPageAsync(http, pages, people, person, [], StatusCodes.Status200OK, text);
    }

    private static async Task<IResult> PersonPageAsync(HttpContext http, AdminPages pages, People people, Person person, IReadOnlyList<string> errors, int status, string? notice = null)
    {
        var me = AdminPages.UserId(http);
        var last = await people.IsLastAdministratorAsync(person.Id);
        var model = new PersonView
        {
            Id = person.Id,
            Url = $"/admin/users/{person.Id}",
            Name = person.DisplayName ?? "",
            Email = person.Email,
            Role = person.Role,
            Roles = person.Roles,
            Culture = person.PreferredCulture,
            Created = person.CreatedUtc,
            LastSignIn = person.LastSignInUtc,
            HasPassword = person.HasPassword,
            State = StateOf(person),
            RoleOptions = RoleNames.All.Select(r => new OptionView(r, pages.T(http, r), r == person.Role)).ToList(),
            LastAdministrator = last,
            LastAdministratorText = last ? pages.T(http, PeopleMessages.LastAdministrator, person.DisplayName ?? person.Email) : null,
            IsMe = person.Id == me,
            CanLock = !person.LockedByStaff && person.Id != me && !last,
            CanUnlock = person.LockedByStaff,
            CanInviteAgain = person.InvitationPending,
            HistoryUrl = $"/admin/audit?subject={Uri.EscapeDataString(person.Id)}",
            Errors = errors,
        };
        return await pages.Render(http, "person", "users", person.DisplayName ?? person.Email, model, status, notice);
    }

    /// <summary>Runs a change and answers: back to the person's page with a notice, or the page again with why not.</summary>
    private static async Task<IResult> ChangePersonAsync(HttpContext http, string id, Func<People, string, Task<PeopleResult>> change, string notice, bool valid = true)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var people = http.RequestServices.GetRequiredService<People>();
        if (id.Length > 450 || await people.FindAsync(id) is not { } person) return await NotFoundAsync(http);
        if (!valid) return await PersonPageAsync(http, pages, people, person, [pages.T(http, PeopleMessages.ChooseRole)], StatusCodes.Status422UnprocessableEntity);
        var result = await change(people, AdminPages.UserId(http)!);
        string? refusal = result.Outcome switch
        {
            PeopleOutcome.NotFound => null,
            PeopleOutcome.LastAdministrator => pages.T(http, PeopleMessages.LastAdministrator, person.DisplayName ?? person.Email),
            PeopleOutcome.OwnAccount => pages.T(http, PeopleMessages.OwnAccount),
            PeopleOutcome.NotPending => pages.T(http, PeopleMessages.NotPending),
            _ => "",
        };
        if (refusal is null) return await NotFoundAsync(http);
        if (refusal.Length > 0) return await PersonPageAsync(http, pages, people, (await people.FindAsync(id))!, [refusal], StatusCodes.Status409Conflict);
        return Results.Redirect($"/admin/users/{id}?notice={(result.Outcome == PeopleOutcome.Unchanged ? "unchanged" : notice)}");
    }

    /// <summary>An invitation's link, on the page of the invitee's language: from the site's public address, never the request's.</summary>
    private static InvitationUrl InvitationAddress(HttpContext http) =>
        (culture, token) => SitePages.Absolute(http, $"/{culture}/account/link/{token}?purpose=invite");

    /// <summary>locked (by staff), pending (invited, not yet come), resting (locked for a while after wrong passwords), or active.</summary>
    private static string StateOf(Person person) =>
        person.LockedByStaff ? "locked"
        : person.InvitationPending ? "pending"
        : person.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? "resting"
        : "active";

    private sealed record InviteForm(string Email, string Name, string Role, string Culture);
}

public sealed record InviteFormView(string Email, string Name, IReadOnlyList<OptionView> Roles, IReadOnlyList<OptionView> Cultures, IReadOnlyList<string> Errors, string? Message);

public sealed record PersonRowView(string Url, string Name, string Email, string? Role, DateTime? LastSignIn, string State);

public sealed record PeopleListView
{
    public required InviteFormView Invite { get; init; }
    public required IReadOnlyList<PersonRowView> Rows { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int Pages { get; init; }
    public required IReadOnlyList<OptionView> Roles { get; init; }
    public required string Query { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
}

public sealed record PersonView
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Role { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required string Culture { get; init; }
    public DateTime Created { get; init; }
    public DateTime? LastSignIn { get; init; }
    public bool HasPassword { get; init; }
    public required string State { get; init; }
    public required IReadOnlyList<OptionView> RoleOptions { get; init; }
    public bool LastAdministrator { get; init; }
    public string? LastAdministratorText { get; init; }
    public bool IsMe { get; init; }
    public bool CanLock { get; init; }
    public bool CanUnlock { get; init; }
    public bool CanInviteAgain { get; init; }
    public required string HistoryUrl { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
