using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Search.Indexing;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>
/// A lesson and a page whose bodies hold everything an editor might type that readers never see:
/// scripts, styles, comments, tooltips, link addresses, callout markers. A site of their own, where
/// both were revised and published through the editors' path, so they reached the index through the queue.
/// </summary>
public sealed class HiddenMarkupSite : IAsyncLifetime
{
    public static readonly ContentKey Lesson = new("ru", ContentTypeNames.Lesson, "active-residents");
    public static readonly ContentKey Page = new("ru", ContentTypeNames.Page, "about");

    /// <summary>
    /// Callouts are the site's custom containers (<c>::: note</c>; see CalloutExtension): the kind is a
    /// class, not text. An image is its alternative text (what a screen reader reads out in its place).
    /// </summary>
    public const string Body = """
        Урок о том, что видит читатель умного города: zzparagraphword.

        ::: note
        Заметка со словом zzcalloutnote.
        :::

        ::: warning
        Предупреждение со словом zzcalloutwarning.
        :::

        ::: zzcalloutkind
        Выноска своего вида.
        :::

        <script>alert('zzscriptword')</script>

        <style>.zzstyleword { color: red }</style>

        <!-- zzcommentword -->

        Встроенные в абзац <script>alert('zzinlinescript')</script> и <style>.zzinlinestyle { color: red }</style> теги.

        <div class="zzdivclass">zzdivblock</div>

        Текст <span title="zztitleword">zzvisiblespan</span> внутри абзаца.

        Ссылка [zzlinktext](https://example.kz/zzurlword "zzlinktitle") в тексте.

        ![zzimagealt](/media/zzimagefile.png)

        *[АБВ]: zzabbrtitle

        Сокращение АБВ в тексте.
        """;

    public static readonly string[] Visible = ["zzparagraphword", "zzcalloutnote", "zzcalloutwarning", "zzvisiblespan", "zzdivblock", "zzlinktext", "zzimagealt"];

    public static readonly string[] Hidden =
    [
        "zzscriptword", "zzstyleword", "zzcommentword", "zzinlinescript", "zzinlinestyle", "zzdivclass", "zztitleword", "zzurlword", "zzlinktitle", "zzimagefile", "zzabbrtitle",
        "zzcalloutkind", "note", "warning",
    ];

    private TestSite? _site;

    public TestSite Site => _site ?? throw new InvalidOperationException("The site has not started.");

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<ContentPublishing>();
            Assert.True(await publishing.ReviseAsync(Lesson, "Урок со скрытой разметкой", Body, "editor", publish: true));
            Assert.True(await publishing.ReviseAsync(Page, "Страница со скрытой разметкой", Body, "editor", publish: true));
        }
        var clock = Stopwatch.StartNew();
        while (Search("zzparagraphword").Total < 2 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
    }

    public SearchResults Search(string text) =>
        Site.Services.GetRequiredService<SiteSearch>().Search(new SearchRequest { Culture = "ru", Text = text, PageSize = 50 });

    /// <summary>The refs of the revised lesson and page among what <paramref name="text"/> finds, however it was found.</summary>
    public IReadOnlyList<string> Found(string text) =>
        [.. Search(text).Hits.Select(h => $"{h.ContentType}/{h.TranslationKey}")
            .Where(r => r == SearchDocument.RefOf(Lesson.ContentType, Lesson.TranslationKey) || r == SearchDocument.RefOf(Page.ContentType, Page.TranslationKey))
            .Order()];

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }
}

/// <summary>Search indexes exactly what readers see: neither what the sanitizer takes out nor what is markup.</summary>
public sealed class VisibleTextSearchTests(HiddenMarkupSite fixture) : IClassFixture<HiddenMarkupSite>
{
    private static readonly string[] Both = ["Lesson/active-residents", "Page/about"];

    public static TheoryData<string> VisibleWords => [.. HiddenMarkupSite.Visible];
    public static TheoryData<string> HiddenWords => [.. HiddenMarkupSite.Hidden];

    [Theory]
    [MemberData(nameof(VisibleWords))]
    public void What_readers_see_in_a_lesson_and_a_page_is_found(string word)
    {
        Assert.Equal(Both, fixture.Found(word));
    }

    [Theory]
    [MemberData(nameof(HiddenWords))]
    public void What_readers_never_see_is_not_found(string word)
    {
        Assert.Empty(fixture.Found(word));
    }

    [Fact]
    public void The_indexed_text_is_the_text_of_the_page_readers_get()
    {
        var catalog = fixture.Site.Services.GetRequiredService<PublishedContent>().Current;
        var renderer = fixture.Site.Services.GetRequiredService<ContentRenderer>();
        var index = fixture.Site.Services.GetRequiredService<SearchIndexes>().Get("ru");
        foreach (var key in new[] { HiddenMarkupSite.Lesson, HiddenMarkupSite.Page })
        {
            var item = catalog.ByKey(key.Culture, key.ContentType, key.TranslationKey)!;
            // As the page shows it: with glossary links, which change no text.
            var page = renderer.Render(item);
            Assert.Contains("data-definition", page.Html);
            var expected = string.Join('\n', new[] { item.Metadata.Summary, page.PlainText }.OfType<string>());

            var indexed = index.Search(searcher =>
            {
                var hits = searcher.Search(new TermQuery(new Term(SearchFields.Ref, SearchDocument.RefOf(key.ContentType, key.TranslationKey))), 10);
                return hits.ScoreDocs.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Text)).ToList();
            });

            Assert.Equal(expected, Assert.Single(indexed));
            Assert.DoesNotContain("[!", indexed[0]);
        }
    }

    [Fact]
    public async Task A_rebuild_from_the_database_indexes_the_same_text()
    {
        var index = fixture.Site.Services.GetRequiredService<SearchIndexes>().Get("ru");
        var before = StoredTexts(index);

        await fixture.Site.Services.GetRequiredService<SearchIndexer>().RebuildAsync(index, progress: null);

        Assert.Equal(before, StoredTexts(index));
        foreach (var word in HiddenMarkupSite.Visible) Assert.Equal(Both, fixture.Found(word));
        foreach (var word in HiddenMarkupSite.Hidden) Assert.Empty(fixture.Found(word));
    }

    private static List<string> StoredTexts(SearchIndex index) => index.Search(searcher =>
    {
        var all = searcher.Search(new MatchAllDocsQuery(), Math.Max(1, searcher.IndexReader.MaxDoc));
        return all.ScoreDocs.Select(d => searcher.Doc(d.Doc)).Select(d => $"{d.Get(SearchFields.Ref)} {d.Get(SearchFields.Status)}\n{d.Get(SearchFields.Text)}").Order(StringComparer.Ordinal).ToList();
    });
}
