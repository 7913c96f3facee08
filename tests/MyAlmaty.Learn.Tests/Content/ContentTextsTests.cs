using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Reading;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>What <see cref="ContentTexts"/> gives of items: the versions that matter, where they stand, and the text readers see.</summary>
public sealed class ContentTextsTests
{
    private static readonly ContentKey Term = new("ru", ContentTypeNames.GlossaryTerm, "g");
    private static readonly ContentKey Page = new("ru", ContentTypeNames.Page, "about");
    private static readonly string[] Searchable = [ContentTypeNames.GlossaryTerm, ContentTypeNames.Page, ContentTypeNames.Lesson];

    private static async Task<ContentServices> SampleAsync()
    {
        var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        content.WriteContent("glossary/g.ru.md",
            "---\ntype: GlossaryTerm\ntitle: Городской активист\ndefinition: Человек, который помогает городу.\naliases: [активист города]\n---\n" +
            "Подробнее о **городском** активисте: [ссылка](https://example.kz/adres).\n\n<span title=\"подсказка\">Видно</span><script>skryto()</script>\n");
        content.WriteContent("pages/draft.ru.md", "---\ntype: Page\ntitle: Черновик\nstatus: draft\n---\nЕщё не опубликовано.\n");
        content.WriteContent("pages/about.kk.md", "---\ntype: Page\ntitle: Бағдарлама туралы\n---\nБіз туралы.\n");
        var report = await content.ImportAsync();
        Assert.Empty(report.Problems);
        return content;
    }

    private static async Task<T> WithAsync<T>(ContentServices content, Func<ContentTexts, LearnDbContext, Task<T>> read)
    {
        await using var scope = content.Services.CreateAsyncScope();
        return await read(content.Services.GetRequiredService<ContentTexts>(), scope.ServiceProvider.GetRequiredService<LearnDbContext>());
    }

    private static Task<ItemTexts?> ItemAsync(ContentServices content, ContentKey key) => WithAsync(content, (texts, db) => texts.ForItemAsync(db, key));

    private static async Task ChangeAsync(ContentServices content, Func<ContentPublishing, Task<bool>> change)
    {
        await using var scope = content.Services.CreateAsyncScope();
        Assert.True(await change(scope.ServiceProvider.GetRequiredService<ContentPublishing>()));
    }

    [Fact]
    public async Task A_published_item_has_one_version_published_and_newest_with_the_text_readers_see()
    {
        await using var content = await SampleAsync();

        var item = await ItemAsync(content, Term);

        Assert.NotNull(item);
        Assert.Equal(Term, item.Key);
        var version = Assert.Single(item.Versions);
        Assert.Equal((1, VersionStatus.Published, true, "Городской активист"), (version.Number, version.Status, version.Newest, version.Title));
        // The definition and other names first (the page shows them), then the body as rendered: no
        // address of a link, no tooltip, nothing of a script.
        Assert.Equal("Человек, который помогает городу.\nактивист города\nПодробнее о городском активисте: ссылка.\nВидно", version.Text);
    }

    [Fact]
    public async Task A_draft_over_a_published_version_comes_after_it_and_is_the_newest()
    {
        await using var content = await SampleAsync();
        await ChangeAsync(content, p => p.ReviseAsync(Page, "О программе, черновик", "Новый *текст*.", "editor", publish: false));

        var item = await ItemAsync(content, Page);

        Assert.Equal(
            [(1, VersionStatus.Published, false, "О программе", "О нас."), (2, VersionStatus.Draft, true, "О программе, черновик", "Новый текст.")],
            item!.Versions.Select(v => (v.Number, v.Status, v.Newest, v.Title, v.Text)));
        Assert.NotEqual(item.Versions[0].VersionId, item.Versions[1].VersionId);

        await ChangeAsync(content, p => p.PublishAsync(Page, "editor"));
        var published = Assert.Single((await ItemAsync(content, Page))!.Versions);
        Assert.Equal((2, VersionStatus.Published, true, "Новый текст."), (published.Number, published.Status, published.Newest, published.Text));
        Assert.Equal(item.Versions[1].VersionId, published.VersionId);
    }

    [Fact]
    public async Task An_item_never_published_or_taken_off_the_site_has_only_its_newest_version_unpublished()
    {
        await using var content = await SampleAsync();
        await ChangeAsync(content, p => p.ReviseAsync(Page, "О программе", "Второй текст.", "editor", publish: true));
        await ChangeAsync(content, p => p.UnpublishAsync(Page, "editor"));

        var draft = Assert.Single((await ItemAsync(content, Page with { TranslationKey = "draft" }))!.Versions);
        var unpublished = Assert.Single((await ItemAsync(content, Page))!.Versions);

        Assert.Equal((1, VersionStatus.Unpublished, true, "Ещё не опубликовано."), (draft.Number, draft.Status, draft.Newest, draft.Text));
        Assert.Equal((2, VersionStatus.Unpublished, true, "Второй текст."), (unpublished.Number, unpublished.Status, unpublished.Newest, unpublished.Text));
    }

    [Fact]
    public async Task An_item_that_does_not_exist_is_null()
    {
        await using var content = await SampleAsync();

        Assert.Null(await ItemAsync(content, Page with { TranslationKey = "nowhere" }));
        Assert.Null(await ItemAsync(content, Page with { Culture = "en" }));
    }

    [Fact]
    public async Task A_culture_is_read_in_pages_by_item_id_with_only_the_types_asked_for()
    {
        await using var content = await SampleAsync();

        var pages = await WithAsync(content, async (texts, db) =>
        {
            var all = new List<IReadOnlyList<ItemTexts>>();
            await foreach (var page in texts.ForCultureAsync(db, "ru", Searchable, pageSize: 2)) all.Add(page);
            return all;
        });
        var count = await WithAsync(content, (texts, db) => texts.CountAsync(db, "ru", Searchable));

        Assert.Equal([2, 2], pages.Select(p => p.Count));
        var items = pages.SelectMany(p => p).ToList();
        Assert.Equal(items.Select(i => i.ItemId).Order(), items.Select(i => i.ItemId));
        Assert.Equal(
            ["GlossaryTerm/g", "Lesson/l", "Page/about", "Page/draft"],
            items.Select(i => $"{i.Key.ContentType}/{i.Key.TranslationKey}").Order());
        Assert.All(items, i => Assert.Equal("ru", i.Key.Culture));
        Assert.Equal(4, count);
        Assert.Equal(1, await WithAsync(content, (texts, db) => texts.CountAsync(db, "kk", Searchable)));
    }
}
