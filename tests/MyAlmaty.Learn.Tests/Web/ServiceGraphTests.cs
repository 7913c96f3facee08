using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Tests.Web;

/// <summary>The site's services as they are composed: every one can be built, without indirections that hide a cycle.</summary>
public sealed class ServiceGraphTests
{
    [Fact]
    public async Task The_course_routes_the_content_urls_and_the_course_catalog_resolve_without_a_lazy_in_between()
    {
        using var data = new TempFolder();
        var builder = Builder(data);

        // Validation on build walks every registration and refuses a cycle or a scoped service in a singleton.
        await using var app = SiteHost.Build(builder);

        Assert.DoesNotContain(builder.Services, d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(Lazy<>));
        var routes = app.Services.GetServices<IContentRouteProvider>();
        Assert.Contains(routes, r => r is CourseRoutes);
        Assert.NotNull(app.Services.GetRequiredService<ContentUrls>());
        Assert.NotNull(app.Services.GetRequiredService<CourseCatalog>());
    }

    [Fact]
    public void Every_holder_of_personal_data_in_the_application_is_registered_by_its_feature()
    {
        using var data = new TempFolder();
        var builder = Builder(data);

        var registered = builder.Services.Where(d => d.ServiceType == typeof(IPersonalDataHolder)).Select(d => d.ImplementationType).ToHashSet();
        var written = typeof(IPersonalDataHolder).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPersonalDataHolder).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(written);
        Assert.All(written, t => Assert.Contains(t, registered));
        Assert.Equal(written.Count, builder.Services.Count(d => d.ServiceType == typeof(IPersonalDataHolder)));
    }

    private static Microsoft.AspNetCore.Builder.WebApplicationBuilder Builder(TempFolder data)
    {
        var builder = SiteHost.CreateBuilder(
        [
            "--environment=Production",
            $"--Site:RootPath={RepoPaths.Root}",
            $"--Site:ContentPath={RepoPaths.Content}",
            $"--Site:ThemesPath={RepoPaths.Themes}",
            $"--Site:DataPath={data.Path}",
        ]);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        return builder;
    }
}
