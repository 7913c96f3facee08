using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Learners;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>Cookies, permissions, antiforgery and rate limits for accounts: everything a signed-in person depends on.</summary>
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
            o.ExpireTimeSpan = DatabaseTicketStore.DefaultLifetime;
            o.SlidingExpiration = true;
            o.LoginPath = "/ru/account/sign-in";
            // Authorization asks through the cookie: to sign in on the page of the address's language and come back,
            // or, signed in without the permission, the themed refusal rather than Identity's AccessDenied page.
            o.Events.OnRedirectToLogin = c =>
            {
                c.Response.Redirect(SignInPage.For(c.HttpContext));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = c => Refusals.WriteAsync(c.HttpContext, StatusCodes.Status403Forbidden, Refusals.NoPermission);
        });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        // The cookie carries a session key; the session itself lives in the database and ends at sign-out.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddScoped<Users.IStoredSignIns, StoredSignIns>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) => o.SessionStore = store);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ma_af";
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Like every other cookie: Secure whenever the site is reached over HTTPS.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        services.AddMemoryCache();
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
