using System.Net;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

public sealed class StartupTests
{
    [Fact]
    // On a first import two files that claim one slug are ordered by path, so the course may lose its
    // lesson to a malformed twin; what matters here is that the site starts and serves the rest.
    public async Task The_site_starts_and_serves_the_good_content_even_with_every_kind_of_malformed_file_beside_it()
    {
        using var content = new TempFolder();
        SampleContent.WriteTo(content);
        var i = 0;
        foreach (var bad in MalformedContentCases.All) content.Write(Path.Combine($"case-{i++}", bad.Path), bad.Bytes);

        await using var site = await TestSite.StartAsync(contentPath: content.Path);

        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/ru/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/ru/about")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/ru/glossary/g")).StatusCode);
    }
}
