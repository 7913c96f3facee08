using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Learners;

/// <summary>Marking lessons done, the "My learning" dashboard, certificates and their verification.</summary>
public static class LearningEndpoints
{
    public static IEndpointRouteBuilder MapLearningPages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup(SiteEndpoints.CulturePattern);
        site.MapPost("/courses/{course}/{lesson}/done", MarkDoneAsync).DisableAntiforgery();
        site.MapPage("/my", DashboardAsync);
        site.MapPage("/certificates/{code}", CertificateAsync);
        site.MapPage("/verify", VerifyAsync);
        app.MapPage("/verify/{code}", (string code, HttpContext http) =>
            Results.Redirect($"/{Localization.Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage)}/verify?code={Uri.EscapeDataString(code)}"));
        return app;
    }

    /// <remarks>
    /// A forged request can only ride on a session the browser already has, so a request that carries
    /// one (a learner or sign-in cookie) must bring the form's antiforgery token. A first visit has no
    /// session and gets no token, which keeps the lesson page the same for every new reader and cacheable.
    /// </remarks>
    private static async Task<IResult> MarkDoneAsync(HttpContext http, string culture, string course, string lesson, IAntiforgery antiforgery,
        CourseCatalog courses, PublishedContent published, LearnerProgress progress, LearnerSession session, UserManager<LearnUser> users)
    {
        if (LearnerIdentity.Current(http) is not null && !await antiforgery.IsRequestValidAsync(http)) return await Refusals.ResultAsync(http, StatusCodes.Status400BadRequest);
        var outline = courses.Course(culture, course);
        var item = published.Current.BySlug(culture, ContentTypeNames.Lesson, lesson);
        if (outline is null || item is null || outline.PositionOf(item) is not { } position) return await Refusals.ResultAsync(http, StatusCodes.Status404NotFound);
        var learner = LearnerIdentity.CurrentOrNew(http);
        await progress.MarkDoneAsync(learner, item.TranslationKey);

        if (LearnerIdentity.UserId(http) is { } userId && await users.FindByIdAsync(userId) is { } user)
        {
            await session.IssueEarnedCertificatesAsync(user, culture);
        }
        var next = position.Next is { } n ? CourseRoutes.LessonUrl(outline.Course, n) : $"{CourseRoutes.LessonUrl(outline.Course, item)}#done";
        return Results.Redirect(next);
    }

    private static async Task<IResult> DashboardAsync(HttpContext http, string culture, SitePages pages, ContentViews views, CourseCatalog courses,
        LearnerProgress progress, Certificates certificates, Workshops.LearnerWorkshops workshops)
    {
        var learner = LearnerIdentity.Current(http);
        var done = learner is null ? new HashSet<string>() : await progress.CompletedAsync(learner);
        var states = courses.Courses(culture).Select(c => CourseProgress.Of(c, done)).ToList();
        var issued = LearnerIdentity.UserId(http) is { } userId ? await certificates.OfUserAsync(userId) : [];
        var mine = LearnerIdentity.UserId(http) is { } id
            ? await workshops.OfAsync(culture, id, http.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value)
            : [];
        var finishedCourses = states.Where(s => s.Complete).Select(s => s.Course.Course.TranslationKey).ToHashSet();
        var model = new
        {
            Workshops = mine,
            SuggestedWorkshops = workshops.Suggested(culture, finishedCourses, mine),
            SignedIn = LearnerIdentity.UserId(http) is not null,
            InProgress = states.Where(s => s.Started && !s.Complete).Select(s => new
            {
                Card = views.Card(s.Course),
                s.Percent,
                NextUrl = views.StepUrl(s.Course, s.Next!),
                NextTitle = s.Next!.Title,
            }).ToList(),
            NotStarted = states.Where(s => !s.Started).Select(s => views.Card(s.Course)).ToList(),
            Finished = states.Where(s => s.Complete).Select(s => new
            {
                Card = views.Card(s.Course),
                CertificateUrl = issued.FirstOrDefault(c => c.CourseKey == s.Course.Course.TranslationKey && c.RevokedUtc is null) is { } c ? $"/{culture}/certificates/{c.Code}" : null,
            }).ToList(),
            Certificates = issued.Where(c => c.RevokedUtc is null).Select(c => new
            {
                CourseTitle = CourseTitle(courses, culture, c.CourseKey),
                c.Code,
                Url = $"/{culture}/certificates/{c.Code}",
                Issued = c.IssuedUtc,
            }).ToList(),
        };
        return await pages.Render(http, "my", SitePages.ForSection(http, culture, "my"), model);
    }

    private static async Task<IResult> CertificateAsync(HttpContext http, string culture, string code, SitePages pages, Certificates certificates, CourseCatalog courses)
    {
        var (status, certificate) = await certificates.VerifyAsync(code);
        if (certificate is null) return await SiteEndpoints.NotFound(http, culture, pages);
        var model = new
        {
            certificate.Code,
            certificate.PrintedName,
            CourseTitle = CourseTitle(courses, culture, certificate.CourseKey),
            Issued = certificate.IssuedUtc,
            VerifyUrl = SitePages.Absolute(http, $"/verify/{certificate.Code}"),
            Revoked = status == CertificateStatus.Revoked,
        };
        return await pages.Render(http, "certificate", SitePages.ForSection(http, culture, "my"), model);
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, string culture, string? code, SitePages pages, Certificates certificates, CourseCatalog courses)
    {
        if (string.IsNullOrWhiteSpace(code)) return await pages.Render(http, "verify", SitePages.ForSection(http, culture, ""), new { Code = "", Status = (string?)null, Certificate = (object?)null });
        var (status, certificate) = await certificates.VerifyAsync(code);
        var model = new
        {
            Code = code.Trim(),
            Status = status.ToString().ToLowerInvariant(),
            Certificate = certificate is null ? null : new
            {
                certificate.PrintedName,
                CourseTitle = CourseTitle(courses, culture, certificate.CourseKey),
                Issued = certificate.IssuedUtc,
                certificate.Code,
            },
        };
        return await pages.Render(http, "verify", SitePages.ForSection(http, culture, ""), model, status == CertificateStatus.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <summary>The name on the learner's certificates; never the email address, which the public verify page would show.</summary>
    internal static string? PrintedName(LearnUser user) => user.CertificateName ?? user.DisplayName;

    private static string CourseTitle(CourseCatalog courses, string culture, string courseKey) =>
        courses.Courses(culture).FirstOrDefault(c => c.Course.TranslationKey == courseKey)?.Course.Title ?? courseKey;
}
