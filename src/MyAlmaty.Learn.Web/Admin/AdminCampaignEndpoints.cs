using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Campaigns;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>
/// Invitation campaigns of one workshop: a list pasted, uploaded as CSV, or taken from a course's learners or earlier
/// attendees is checked into a report first; nothing is sent until the facilitator has read it and pressed «send».
/// </summary>
public static partial class AdminEndpoints
{
    private static void MapCampaignPages(RouteGroupBuilder one)
    {
        one.MapPage(WorkshopPattern + "/invite", InviteFormAsync);
        // The CSV upload is small by design: the list's own limit (1 MB) refuses more, with a message that names it.
        one.MapPost(WorkshopPattern + "/invite", DraftCampaignAsync);
        one.MapPage(WorkshopPattern + "/campaigns/{campaign}", CampaignReportAsync);
        one.MapPost(WorkshopPattern + "/campaigns/{campaign}/send", SendCampaignAsync);
        one.MapPage(WorkshopPattern + "/preview/{language}", InvitationPreviewAsync);
    }

    private static async Task<IResult> InviteFormAsync(HttpContext http, string key, AdminPages pages, WorkshopWorkspace workspace, CampaignSources sources) =>
        await InviteViewAsync(http, key, pages, workspace, sources, "", null, null);

    private static async Task<IResult> InviteViewAsync(HttpContext http, string key, AdminPages pages, WorkshopWorkspace workspace, CampaignSources sources,
        string pasted, string? source, string? error)
    {
        var ui = AdminPages.CultureOf(http);
        if (await workspace.VersionAsync(key, ui) is not { } version) return await NotFoundAsync(http);
        var model = new
        {
            Key = key,
            Title = version.Title,
            Url = WorkshopUrl(key),
            Pasted = pasted,
            Source = source,
            Error = error,
            MaxRecipients = RecipientLists.MaxRecipients,
            Courses = sources.Courses(ui).Select(c => new OptionView(c.Key, c.Title, c.Key == version.Values.GetValueOrDefault("course"))).ToList(),
            Previews = WorkshopCampaigns.Languages.Select(l => new LinkView(LanguageName(l), $"{WorkshopUrl(key)}/preview/{l}")).ToList(),
        };
        return await pages.Render(http, "workshop-invite", "workshops", version.Title, model, error is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static string LanguageName(string language) => language switch
    {
        "kk" => "Қазақша",
        "kk-latn" => "Qazaqşa",
        _ => "Русский",
    };

    private static async Task<IResult> DraftCampaignAsync(HttpContext http, string key, IFormCollection form, AdminPages pages, WorkshopWorkspace workspace,
        CampaignSources sources, WorkshopCampaigns campaigns, PermissionGrants grants)
    {
        var ui = AdminPages.CultureOf(http);
        var me = AdminPages.UserId(http)!;
        var pasted = form["addresses"].ToString();
        var chosen = form["source"].ToString();
        (CampaignSource Source, RecipientList List)? read = chosen switch
        {
            "pasted" => (CampaignSource.Pasted, RecipientLists.FromText(pasted)),
            "csv" when form.Files.GetFile("file") is { } file => (CampaignSource.Csv, await ReadUploadAsync(file)),
            "csv" => (CampaignSource.Csv, RecipientList.Refused(CampaignMessages.FileEmpty)),
            "course" => (CampaignSource.CourseLearners, await sources.CourseLearnersAsync(form["course"].ToString())),
            "attendees" => (CampaignSource.PastAttendees, await sources.PastAttendeesAsync(key, me, grants.Has(http.User, WorkshopPermissions.RunAll))),
            _ => null,
        };
        if (read is not { } found) return await InviteViewAsync(http, key, pages, workspace, sources, pasted, null, pages.T(http, CampaignMessages.NothingToSend));
        if (found.List.Problem is { } problem)
        {
            return await InviteViewAsync(http, key, pages, workspace, sources, pasted, chosen, pages.T(http, problem, [.. found.List.Arguments]));
        }
        if (found.List.Lines.Count == 0) return await InviteViewAsync(http, key, pages, workspace, sources, pasted, chosen, pages.T(http, CampaignMessages.NothingToSend));
        if (await workspace.VersionAsync(key, ui) is null) return await NotFoundAsync(http);
        var id = await campaigns.DraftAsync(key, me, found.Source, found.List.Lines, await workspace.FirstLanguageAsync(key, ui));
        return Results.Redirect($"{WorkshopUrl(key)}/campaigns/{id}");
    }

    /// <summary>Reads at most one byte past the limit: a bigger file is refused by its size without being read whole.</summary>
    private static async Task<RecipientList> ReadUploadAsync(IFormFile file)
    {
        if (file.Length > RecipientLists.MaxFileBytes) return RecipientLists.FromCsv(new byte[RecipientLists.MaxFileBytes + 1]);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return RecipientLists.FromCsv(buffer.ToArray());
    }

    private static async Task<IResult> CampaignReportAsync(HttpContext http, string key, string campaign, AdminPages pages, WorkshopCampaigns campaigns, UiStrings strings, string? notice)
    {
        if (!long.TryParse(campaign, out var id) || await campaigns.ReportAsync(key, id) is not { } report) return await NotFoundAsync(http);
        var ui = AdminPages.CultureOf(http);
        string Reason(CampaignRecipient r) => r.Reason is null ? "" : strings.Get(ui, r.Reason, r.ReasonArgument);
        var verdicts = Enum.GetValues<RecipientVerdict>();
        var model = new
        {
            Key = key,
            Url = WorkshopUrl(key),
            SendUrl = $"{WorkshopUrl(key)}/campaigns/{id}/send",
            Sent = report.Campaign.SentUtc is not null,
            report.Campaign.SentUtc,
            Counts = verdicts.Select(v => new { Verdict = v.ToString().ToLowerInvariant(), Count = report.Count(v) }).ToList(),
            Valid = report.Rows.Where(r => r.Verdict == RecipientVerdict.Valid).Select(r => new
            {
                r.Id,
                r.Line,
                r.Email,
                r.Name,
                r.NameCleaned,
                r.LanguageGiven,
                Languages = WorkshopCampaigns.Languages.Select(l => new OptionView(l, LanguageName(l), l == WorkshopCampaigns.Join(r.Culture, r.Latin))).ToList(),
            }).ToList(),
            Refused = report.Rows.Where(r => r.Verdict != RecipientVerdict.Valid).Select(r => new
            {
                r.Line,
                r.Email,
                r.Name,
                Verdict = r.Verdict.ToString().ToLowerInvariant(),
                Reason = Reason(r),
            }).ToList(),
            Previews = WorkshopCampaigns.Languages.Select(l => new LinkView(LanguageName(l), $"{WorkshopUrl(key)}/preview/{l}")).ToList(),
        };
        var message = notice switch
        {
            "nothing" => strings.Get(ui, CampaignMessages.NothingToSend),
            "not-open" => strings.Get(ui, "The workshop is not published, or is cancelled: publish it before inviting people."),
            _ => null,
        };
        return await pages.Render(http, "workshop-campaign", "workshops", strings.Get(ui, "Invitations: the check of the list"), model, notice: message);
    }

    private static async Task<IResult> SendCampaignAsync(HttpContext http, string key, string campaign, IFormCollection form, WorkshopCampaigns campaigns)
    {
        if (!long.TryParse(campaign, out var id)) return await NotFoundAsync(http);
        var languages = new Dictionary<long, string>();
        foreach (var field in form.Keys.Where(k => k.StartsWith("lang.", StringComparison.Ordinal)))
        {
            if (long.TryParse(field.AsSpan(5), out var row) && WorkshopCampaigns.IsLanguage(form[field])) languages[row] = form[field].ToString();
        }
        var result = await campaigns.SendAsync(key, id, languages);
        return result.Outcome switch
        {
            SendOutcome.Sent or SendOutcome.AlreadySent => Results.Redirect($"{WorkshopUrl(key)}/status?notice=sent"),
            SendOutcome.NothingToSend => Results.Redirect($"{WorkshopUrl(key)}/campaigns/{id}?notice=nothing"),
            SendOutcome.NotOpen => Results.Redirect($"{WorkshopUrl(key)}/campaigns/{id}?notice=not-open"),
            _ => await NotFoundAsync(http),
        };
    }

    /// <summary>
    /// The invitation as a recipient would read it in one of the three ways (Russian, Kazakh, Kazakh in Latin letters):
    /// its subject and its text part. Its HTML is not put into the admin page, which runs under the admin's policy.
    /// </summary>
    private static async Task<IResult> InvitationPreviewAsync(HttpContext http, string key, string language, AdminPages pages, InvitationMail mail, UiStrings strings)
    {
        if (!WorkshopCampaigns.IsLanguage(language)) return await NotFoundAsync(http);
        var (culture, latin) = WorkshopCampaigns.Split(language);
        MyAlmaty.Learn.Mail.OutgoingMail preview;
        try
        {
            preview = await mail.PreviewAsync(key, culture, latin, null);
        }
        catch (InvalidOperationException)
        {
            // Nothing to show before the workshop is published (or once it is cancelled): the invitation is made from the published text.
            var ui = AdminPages.CultureOf(http);
            return await pages.Render(http, "workshop-preview", "workshops", strings.Get(ui, "Invitation preview"),
                new { Url = WorkshopUrl(key), Missing = true, Language = language, Previews = Previews(key) }, StatusCodes.Status404NotFound);
        }
        var model = new
        {
            Url = WorkshopUrl(key),
            Missing = false,
            Language = language,
            Lang = culture,
            preview.Subject,
            preview.Text,
            Previews = Previews(key),
        };
        return await pages.Render(http, "workshop-preview", "workshops", preview.Subject, model);
    }

    private static IReadOnlyList<OptionView> Previews(string key) =>
        [.. WorkshopCampaigns.Languages.Select(l => new OptionView($"{WorkshopUrl(key)}/preview/{l}", LanguageName(l), false))];
}
