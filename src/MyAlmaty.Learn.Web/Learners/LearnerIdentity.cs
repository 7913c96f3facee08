using System.Security.Claims;
using MyAlmaty.Learn.Courses.Progress;

namespace MyAlmaty.Learn.Web.Learners;

/// <summary>
/// Who is learning: the signed-in account, or an anonymous reader recognised by a cookie that
/// holds nothing but a random id. Anonymous progress is merged into the account at sign-in.
/// </summary>
public static class LearnerIdentity
{
    public const string AnonymousCookie = "ma_learner";

    public static string? UserId(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static string? AnonymousId(HttpContext http) =>
        http.Request.Cookies.TryGetValue(AnonymousCookie, out var value) && Guid.TryParseExact(value, "N", out _)
            ? LearnerProgress.AnonymousPrefix + value
            : null;

    /// <summary>The learner, if the request carries one.</summary>
    public static string? Current(HttpContext http) => UserId(http) ?? AnonymousId(http);

    /// <summary>The learner, starting an anonymous one (and its cookie) when there is none yet.</summary>
    public static string CurrentOrNew(HttpContext http)
    {
        if (Current(http) is { } existing) return existing;
        var id = Guid.NewGuid().ToString("N");
        http.Response.Cookies.Append(AnonymousCookie, id, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        return LearnerProgress.AnonymousPrefix + id;
    }

    public static void ForgetAnonymous(HttpContext http) => http.Response.Cookies.Delete(AnonymousCookie);
}
