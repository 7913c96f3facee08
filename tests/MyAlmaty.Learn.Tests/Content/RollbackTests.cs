using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Translations;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>Rolling back: an old version's content comes back as a new version, never by rewriting history.</summary>
public sealed class RollbackTests
{
    private static readonly ContentKey About = new("ru", ContentTypeNames.Page, "about");

    [Fact]
    public async Task Rolling_back_adds_a_draft_with_the_old_versions_content_and_a_journal_entry_naming_it()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        var first = (await VersionAsync(content, About, 1))!;
        await SaveAsync(content, About, first.Source.Replace("О нас.", "Новый текст."), 1, publish: true);
        await SaveAsync(content, About, first.Source.Replace("О нас.", "Черновик."), 2, publish: false);

        var rolled = Assert.IsType<SaveOutcome.Saved>(await RollBackAsync(content, toNumber: 1, basedOn: 3, note: "Вернули исходный текст"));

        Assert.Equal(4, rolled.Number);
        var now = (await VersionAsync(content, About, 4))!;
        Assert.Equal((first.Source, first.Title, first.Slug, first.Body, true, false), (now.Source, now.Title, now.Slug, now.Body, now.Latest, now.Published));
        var metadata = await content.QueryAsync(db => db.Set<ContentItemVersion>().Where(v => v.ContentItem!.TranslationKey == "about" && (v.Number == 1 || v.Number == 4))
            .Select(v => new { v.Metadata, v.ContentHash }).Distinct().CountAsync());
        Assert.Equal(1, metadata);
        Assert.Equal("Новый текст.", content.Catalog.ByKey("ru", ContentTypeNames.Page, "about")!.Body);
        var entry = await content.QueryAsync(db => db.Set<ContentChange>().OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal((ContentOperation.RolledBack, "editor", (int?)4, "from version 1: Вернули исходный текст"), (entry.Operation, entry.Actor, entry.VersionNumber, entry.Note));
    }

    [Fact]
    public async Task Rolling_back_published_at_once_puts_the_old_text_on_the_site()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        var first = (await VersionAsync(content, About, 1))!;
        await SaveAsync(content, About, first.Source.Replace("О нас.", "Новый текст."), 1, publish: true);

        Assert.IsType<SaveOutcome.Saved>(await RollBackAsync(content, toNumber: 1, basedOn: 2, note: null, publish: true));

        Assert.Equal("О нас.", content.Catalog.ByKey("ru", ContentTypeNames.Page, "about")!.Body);
        var entries = await content.QueryAsync(db => db.Set<ContentChange>().OrderByDescending(c => c.Id).Take(2).ToListAsync());
        Assert.Equal([(ContentOperation.Published, (string?)null), (ContentOperation.RolledBack, "from version 1")], entries.Select(e => (e.Operation, e.Note)));
    }

    [Fact]
    public async Task Rolling_back_from_a_version_that_is_no_longer_the_newest_is_a_conflict_and_to_one_that_does_not_exist_is_missing()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        var first = (await VersionAsync(content, About, 1))!;
        await SaveAsync(content, About, first.Source.Replace("О нас.", "Новый текст."), 1, publish: false);

        var conflict = Assert.IsType<SaveOutcome.Conflict>(await RollBackAsync(content, toNumber: 1, basedOn: 1, note: null));
        Assert.Equal((2, "Новый текст."), (conflict.Theirs.Number, conflict.Theirs.Body));
        Assert.IsType<SaveOutcome.Missing>(await RollBackAsync(content, toNumber: 9, basedOn: 2, note: null));
        Assert.IsType<SaveOutcome.Missing>(await content.UseAsync<ContentEditing, SaveOutcome>(e => e.RollBackAsync(About with { TranslationKey = "nowhere" }, 1, "editor", 1, null)));
        Assert.Equal(2, (await VersionAsync(content, About, null))!.Number);
    }

    [Fact]
    public async Task A_rolled_back_translation_is_in_step_with_the_source_version_the_old_version_was()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        var kk = About with { Culture = "kk" };
        await TranslationTests.Translations(content, t => t.StartTranslationAsync(About, "kk", "translator"));
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(About, "О программе", "Новый текст.", "editor", publish: true));
        var draft = (await VersionAsync(content, kk, 1))!;
        await content.UseAsync<ContentEditing, SaveOutcome>(e => e.SaveAsync(kk, draft.Source.Replace("О нас.", "Біз туралы."), 1, "translator", null, publish: true, new TranslationSync("ru", 2)));
        Assert.Equal(TranslationState.UpToDate, (await TranslationTests.Translations(content, t => t.StatusAsync(kk)))!.State);

        Assert.IsType<SaveOutcome.Saved>(await content.UseAsync<ContentEditing, SaveOutcome>(e => e.RollBackAsync(kk, 1, "translator", 2, null, publish: true)));

        var status = (await TranslationTests.Translations(content, t => t.StatusAsync(kk)))!;
        Assert.Equal((TranslationState.Outdated, (int?)1, (int?)3), (status.State, status.SyncedSourceVersion, status.Target!.PublishedNumber));
    }

    private static Task<EditableVersion?> VersionAsync(ContentServices content, ContentKey key, int? number) =>
        content.UseAsync<ContentEditing, EditableVersion?>(e => e.VersionAsync(key, number));

    private static async Task SaveAsync(ContentServices content, ContentKey key, string source, int baseNumber, bool publish) =>
        Assert.IsType<SaveOutcome.Saved>(await content.UseAsync<ContentEditing, SaveOutcome>(e => e.SaveAsync(key, source, baseNumber, "editor", null, publish)));

    private static Task<SaveOutcome> RollBackAsync(ContentServices content, int toNumber, int basedOn, string? note, bool publish = false) =>
        content.UseAsync<ContentEditing, SaveOutcome>(e => e.RollBackAsync(About, toNumber, "editor", basedOn, note, publish));
}
