using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Learners;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>Cookies, antiforgery and rate limits for accounts: everything a signed-in person depends on.</summary>
public static class AccountServices
{
    public static IServiceCollection AddAccountProtection(this IServiceCollection services, SiteOptions site)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        // Secure follows the request: behind HTTPS every cookie is Secure; a local http run still works.
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ma_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromDays(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/ru/account/sign-in";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ma_af";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.FormFieldName = "__af";
        });
        services.AddMemoryCache();
        services.AddSingleton<SignInAttempts>();
        services.AddScoped<LearnerSession>();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AccountEndpoints.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = site.AccountRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, cancellationToken) => await (await SiteEndpoints.TooManyRequests(context.HttpContext, retryAfterSeconds: 60)).ExecuteAsync(context.HttpContext);
        });
        return services;
    }
}
