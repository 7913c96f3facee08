using Microsoft.AspNetCore.DataProtection;
using MyAlmaty.Learn.Scheduling;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using MyAlmaty.Learn.Audit;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Summaries;
using MyAlmaty.Learn.Search;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Web.Media;
using MyAlmaty.Learn.Web.Mail;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Discovery;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Learners;
using MyAlmaty.Learn.Web.Themes;

using MyAlmaty.Learn.Web.Quizzes;
using MyAlmaty.Learn.Web.Search;
using MyAlmaty.Learn.Web.Workshops;
using MyAlmaty.Learn.Web.Admin;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>Builds the web application: the same composition for the site, the CLI and the tests.</summary>
public static class SiteHost
{
    /// <summary>The largest request body the site reads.</summary>
    public const long MaxRequestBody = 4 * 1024 * 1024;

    /// <summary>The longest single form value.</summary>
    public const int FormValueLimit = 256 * 1024;

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings*.json sit beside the binary, wherever the command is run from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        var site = builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var paths = SitePaths.Resolve(site);
        Directory.CreateDirectory(paths.Data);

        // A pasted page of text in the search box is answered with a message, not refused by the server.
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = 128 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 160 * 1024;
            k.Limits.MaxRequestBodySize = MaxRequestBody;
        });
        // A token that does not decrypt is a sender's mistake or a forgery, not the site's failure; the request is refused all the same.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.Critical);
        var services = builder.Services;
        services.AddSecurityHeaders();
        services.AddSingleton(site);
        services.AddSingleton<PublicAddress>();
        // Requests naming another host are refused before anything reads them; links never come from the Host header anyway.
        var allowedHosts = PublicAddress.AllowedHosts(site);
        services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [.. allowedHosts]);
        services.Configure<RouteOptions>(o => o.ConstraintMap[CultureRouteConstraint.Name] = typeof(CultureRouteConstraint));
        // A form that cannot be read (a NUL, a missing token) becomes an exception the themed 400 page answers, not an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Nothing a reader sends is this big; editors' uploads will raise it where they need more.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueLengthLimit = FormValueLimit;
            o.MultipartBodyLengthLimit = MaxRequestBody;
        });
        services.AddSingleton(paths);
        services.AddLearnData(storage, paths.Data);
        var themeDirectory = Path.Combine(paths.Themes, site.Theme);
        var adminThemeDirectory = Path.Combine(paths.Themes, Admin.AdminTheme.Name);
        services.AddLocalizationFeature(Path.Combine(AppContext.BaseDirectory, "Localization"), Path.Combine(themeDirectory, "locales"), Path.Combine(adminThemeDirectory, "locales"));
        services.AddSingleton(builder.Configuration.GetSection("Content").Get<Learn.Content.Journal.ContentOptions>() ?? new Learn.Content.Journal.ContentOptions());
        services.AddContentFeature();
        services.AddCoursesFeature();
        services.AddQuizzesFeature();
        services.AddWorkshopsFeature();
        services.AddSingleton<IWorkshopSiteAddress, WorkshopSiteAddress>();
        services.AddMediaFeature(paths.Data);
        var search = builder.Configuration.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        services.AddSearchFeature(search, paths.Data);
        services.AddSingleton<SearchTurns>();
        services.AddUsersFeature();
        services.AddAuditFeature();
        services.AddAccountProtection(site);
        services.AddMailFeature(builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions(), paths.Data);
        services.AddSingleton<IThemedMail, ThemedMail>();
        services.AddScoped<IAccountEmails, ThemedAccountEmails>();
        services.AddSingleton<Learn.Workshops.Summaries.ISiteLinks, SiteLinks>();
        services.AddWorkshopSummaries();
        services.AddScoped<Learn.Workshops.Registrations.IRegistrationEmails, ThemedRegistrationEmails>();
        services.AddSingleton<RegistrationLinks>();
        services.AddScoped<RegistrationPages>();
        services.AddScoped<LearnerWorkshops>();
        services.AddSchedulingFeature(builder.Configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions());
        services.AddScoped<Accounts>();
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.Data, "keys"))).SetApplicationName("MyAlmaty.Learn");
        services.AddTheme(themeDirectory, watch: builder.Environment.IsDevelopment());
        services.AddAdminTheme(adminThemeDirectory, watch: builder.Environment.IsDevelopment());
        services.AddSingleton<Admin.AdminPages>();
        services.AddSingleton<SitePages>();
        services.AddSingleton<ContentViews>();
        services.AddSingleton<QuizViews>();
        services.AddSingleton<SearchViews>();
        services.AddSingleton<SiteInitializer>();
        services.AddSingleton<ImportReportWriter>();
        services.AddSitePageCache(site.CachePages);
        services.AddSiteCompression();
        services.AddSingleton<Sitemap>();
        services.AddSingleton<SummaryFeed>();
        services.AddSingleton<RobotsFile>();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler(e => e.Run(FriendlyError));
        app.UseMalformedRequestAnswers();
        app.UseLowerCaseCultures();
        // Outside the page cache, which keeps pages uncompressed; before the assets, which it compresses too.
        app.UseResponseCompression();
        app.UseThemeAssets(app.Services.GetRequiredService<ThemeAssets>());
        app.UseThemeAssets(app.Services.GetRequiredService<Admin.AdminTheme>().Assets);
        app.UseRouting();
        app.UseSameOriginPosts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseOutputCache();
        app.MapSitePages();
        app.MapAccountPages();
        app.MapProfilePages();
        app.MapLearningPages();
        app.MapQuizPages();
        app.MapSearchPages();
        app.MapRegistrationPages();
        app.MapWorkshopPages();
        app.MapRsvpPages();
        app.MapWorkshopUnsubscribe();
        app.MapDiscovery();
        app.MapMediaFiles();
        app.MapAdminPages();
        app.MapFallback((HttpContext http, SitePages pages) =>
        {
            var culture = SiteEndpoints.CultureOfPath(http) ?? Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
            return SiteEndpoints.NotFound(http, culture, pages);
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    private static IServiceCollection AddTheme(this IServiceCollection services, string directory, bool watch)
    {
        var location = new ThemeLocation(directory, ThemeManifest.Load(directory));
        services.AddSingleton(location);
        services.AddSingleton<ThemeAssets>();
        services.AddSingleton<ThemeFilters>();
        services.AddSingleton(sp => new ThemeRenderer(location, sp.GetRequiredService<ThemeFilters>(), watch));
        return services;
    }

    /// <summary>The admin area's theme: its own views and assets, the site's filters and strings.</summary>
    private static IServiceCollection AddAdminTheme(this IServiceCollection services, string directory, bool watch)
    {
        var location = new ThemeLocation(directory, ThemeManifest.Load(directory));
        services.AddSingleton(sp =>
        {
            var assets = new ThemeAssets(location, Admin.AdminTheme.AssetPrefix);
            var filters = new ThemeFilters(sp.GetRequiredService<Localization.UiStrings>(), sp.GetRequiredService<Localization.AlmatyClock>(), assets);
            return new Admin.AdminTheme(new ThemeRenderer(location, filters, watch), assets);
        });
        return services;
    }

    /// <summary>The themed error page; if the theme itself is what failed, its static error.html.</summary>
    private static async Task FriendlyError(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MyAlmaty.Learn.Errors")
            .LogError(error, "Request {Method} {Path} failed", http.Request.Method, LoggedPaths.Redact(http.Request.Path));
        var culture = SiteEndpoints.CultureOfPath(http) ?? Cultures.Default;
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/html; charset=utf-8";
        try
        {
            var theme = http.RequestServices.GetRequiredService<ThemeRenderer>();
            var page = SitePages.ForSection(http, culture, "") with { SwitchUrl = $"/{Cultures.Other(culture)}/", Alternates = [] };
            await http.Response.WriteAsync(await theme.RenderAsync("error", culture, new Dictionary<string, object?> { ["page"] = page }));
        }
        catch (Exception)
        {
            var location = http.RequestServices.GetRequiredService<ThemeLocation>();
            await http.Response.SendFileAsync(Path.Combine(location.Directory, "error.html"));
        }
    }
}
