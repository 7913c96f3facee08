namespace MyAlmaty.Learn.Tests.Support;

/// <summary>One running site with the shipped content, shared by the tests of a collection.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private TestSite? _site;

    public TestSite Site => _site ?? throw new InvalidOperationException("The site has not started.");
    public HttpClient Client => Site.Client;

    // Many tests sign in from the same loopback address; the limit itself is tested on a site of its own.
    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "shipped site";
}
