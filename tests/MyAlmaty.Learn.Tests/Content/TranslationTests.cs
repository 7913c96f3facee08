using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Translations;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Content.Versions;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>A translation's life: missing, started as a draft, published, outdated by its source, brought up to date again.</summary>
public sealed class TranslationTests
{
    private static readonly ContentKey AboutRu = new("ru", ContentTypeNames.Page, "about");
    private static readonly ContentKey AboutKk = AboutRu with { Culture = "kk" };

    private const string PageRu = "---\ntype: Page\ntitle: О программе\nsummary: Кто мы.\n---\nПрограмма «МыАлматы» учит жителей.\n\nМы встречаемся по субботам.\n";
    private const string PageKk = "---\ntype: Page\ntitle: Бағдарлама туралы\nsummary: Біз кімбіз.\n---\n«МыАлматы» бағдарламасы тұрғындарды оқытады.\n\nБіз сенбі сайын кездесеміз.\n";

    [Fact]
    public async Task A_Kazakh_translation_goes_from_missing_to_draft_to_up_to_date_to_outdated_and_is_brought_up_to_date_by_saving_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var content = await ContentServices.CreateAsync(clock);
        content.WriteContent("pages/about.ru.md", PageRu);
        await content.ImportAsync();
        Assert.Equal(TranslationState.Missing, (await StatusAsync(content, AboutKk))!.State);

        clock.Advance(TimeSpan.FromHours(1));
        var started = Assert.IsType<SaveOutcome.Saved>(await Translations(content, t => t.StartTranslationAsync(AboutRu, "kk", "translator")));

        var draft = (await content.UseAsync<ContentEditing, EditableVersion?>(e => e.VersionAsync(AboutKk)))!;
        Assert.Equal((1, false, PageRu), (draft.Number, draft.Published, draft.Source));
        Assert.Equal(TranslationState.Draft, (await StatusAsync(content, AboutKk))!.State);
        var created = await LastEntryAsync(content, AboutKk);
        Assert.Equal((ContentOperation.Created, "translator", (int?)started.Number, "translation of ru version 1"), (created.Operation, created.Actor, created.VersionNumber, created.Note));

        await SaveAsync(content, AboutKk, PageKk, baseNumber: 1, new TranslationSync("ru", 1));
        var upToDate = (await StatusAsync(content, AboutKk))!;
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.Recorded, (int?)1), (upToDate.State, upToDate.Basis, upToDate.SyncedSourceVersion));
        Assert.Equal(("О программе", "Бағдарлама туралы", (int?)2), (upToDate.Source.Title, upToDate.Target!.Title, upToDate.Target.PublishedNumber));
        // The Russian original is not outdated by its own translation.
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.Original), await StateAsync(content, AboutRu));

        clock.Advance(TimeSpan.FromDays(1));
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(AboutRu, "О программе", "Программа «МыАлматы» учит жителей.\n\nМы встречаемся по воскресеньям.", "editor", publish: true));
        Assert.Equal((TranslationState.Outdated, TranslationBasis.Recorded), await StateAsync(content, AboutKk));
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.Original), await StateAsync(content, AboutRu));

        var changes = (await Translations(content, t => t.SourceChangesAsync(AboutKk)))!;
        Assert.Equal((1, 2), (changes.FromVersion, changes.ToVersion));
        Assert.Equal((AboutRu, 1, AboutRu, 2), (changes.Changes.Old.Key, changes.Changes.Old.Number, changes.Changes.New.Key, changes.Changes.New.Number));
        Assert.Empty(changes.Changes.ChangedFields);
        var row = Assert.Single(changes.Changes.Body.Rows, r => r.Change != DiffChange.Unchanged);
        Assert.Equal([(DiffChange.Deleted, "субботам")], row.Old!.Words.Where(w => w.Change != DiffChange.Unchanged).Select(w => (w.Change, w.Text)));
        Assert.Equal([(DiffChange.Inserted, "воскресеньям")], row.New!.Words.Where(w => w.Change != DiffChange.Unchanged).Select(w => (w.Change, w.Text)));

        await SaveAsync(content, AboutKk, PageKk.Replace("сенбі", "жексенбі"), baseNumber: 2, new TranslationSync("ru", 2));
        var again = (await StatusAsync(content, AboutKk))!;
        Assert.Equal((TranslationState.UpToDate, (int?)2), (again.State, again.SyncedSourceVersion));
        Assert.Null(await Translations(content, t => t.SourceChangesAsync(AboutKk)));
    }

    [Fact]
    public async Task A_Russian_translation_of_a_Kazakh_original_is_outdated_by_it_and_marked_up_to_date_without_changing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var content = await ContentServices.CreateAsync(clock);
        content.WriteContent("pages/about.kk.md", PageKk);
        await content.ImportAsync();
        Assert.Equal(TranslationState.Missing, (await StatusAsync(content, AboutRu))!.State);
        Assert.Null(await StatusAsync(content, AboutKk));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.IsType<SaveOutcome.Saved>(await Translations(content, t => t.StartTranslationAsync(AboutKk, "ru", "translator")));
        Assert.Equal(TranslationState.Draft, (await StatusAsync(content, AboutRu))!.State);
        Assert.True(await content.UseAsync<ContentPublishing, bool>(p => p.PublishAsync(AboutRu, "editor")));
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.Recorded), await StateAsync(content, AboutRu));
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.Original), await StateAsync(content, AboutKk));

        clock.Advance(TimeSpan.FromDays(1));
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(AboutKk, "Бағдарлама туралы", "Жаңа мәтін.", "editor", publish: true));
        Assert.Equal((TranslationState.Outdated, TranslationBasis.Recorded), await StateAsync(content, AboutRu));
        var title = content.Catalog.ByKey("ru", ContentTypeNames.Page, "about")!.Title;

        Assert.Equal(MarkUpToDateOutcome.Marked, await Translations(content, t => t.MarkUpToDateAsync(AboutRu, "editor")));

        var status = (await StatusAsync(content, AboutRu))!;
        Assert.Equal((TranslationState.UpToDate, (int?)2, 1, (int?)1), (status.State, status.SyncedSourceVersion, status.Target!.LatestNumber, status.Target.PublishedNumber));
        Assert.Equal(title, content.Catalog.ByKey("ru", ContentTypeNames.Page, "about")!.Title);
        var marked = await LastEntryAsync(content, AboutRu);
        Assert.Equal((ContentOperation.MarkedUpToDate, "editor", (int?)1, "kk version 2"), (marked.Operation, marked.Actor, marked.VersionNumber, marked.Note));
    }

    [Fact]
    public async Task Imported_translations_are_judged_by_publication_times_and_an_outdated_one_shows_the_source_change_since()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var content = await ContentServices.CreateAsync(clock);
        content.WriteContent("pages/about.ru.md", PageRu);
        content.WriteContent("pages/about.kk.md", PageKk);
        await content.ImportAsync();
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.PublicationTimes), await StateAsync(content, AboutKk));
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.PublicationTimes), await StateAsync(content, AboutRu));

        clock.Advance(TimeSpan.FromDays(2));
        content.WriteContent("pages/about.ru.md", PageRu.Replace("summary: Кто мы.", "summary: Кто мы и зачем.").Replace("по субботам", "по субботам в парке"));
        await content.ImportAsync();

        Assert.Equal((TranslationState.Outdated, TranslationBasis.PublicationTimes), await StateAsync(content, AboutKk));
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.PublicationTimes), await StateAsync(content, AboutRu));
        var changes = (await Translations(content, t => t.SourceChangesAsync(AboutKk)))!;
        Assert.Equal((1, 2), (changes.FromVersion, changes.ToVersion));
        var summary = Assert.Single(changes.Changes.ChangedFields);
        Assert.Equal(("summary", "Кто мы.", "Кто мы и зачем."), (summary.Name, summary.Old, summary.New));
        var row = Assert.Single(changes.Changes.Body.Rows, r => r.Change != DiffChange.Unchanged);
        Assert.Equal([(DiffChange.Inserted, " в парке")], row.New!.Words.Where(w => w.Change != DiffChange.Unchanged).Select(w => (w.Change, w.Text)));

        clock.Advance(TimeSpan.FromDays(1));
        content.WriteContent("pages/about.kk.md", PageKk.Replace("сайын кездесеміз", "сайын саябақта кездесеміз"));
        await content.ImportAsync();
        Assert.Equal((TranslationState.UpToDate, TranslationBasis.PublicationTimes), await StateAsync(content, AboutKk));
    }

    [Fact]
    public async Task A_plain_edit_of_a_translation_keeps_it_in_step_with_the_source_version_it_was_translated_from()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var content = await ContentServices.CreateAsync(clock);
        content.WriteContent("pages/about.ru.md", PageRu);
        await content.ImportAsync();
        await Translations(content, t => t.StartTranslationAsync(AboutRu, "kk", "translator"));
        await SaveAsync(content, AboutKk, PageKk, baseNumber: 1, new TranslationSync("ru", 1));
        clock.Advance(TimeSpan.FromDays(1));
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(AboutRu, "О программе", "Новый текст.", "editor", publish: true));

        // A typo fixed later in the translation: published after the source, yet still a translation of version 1.
        clock.Advance(TimeSpan.FromDays(1));
        await SaveAsync(content, AboutKk, PageKk.Replace("кездесеміз", "кездесеміз!"), baseNumber: 2, translatedFrom: null);

        var status = (await StatusAsync(content, AboutKk))!;
        Assert.Equal((TranslationState.Outdated, (int?)1, (int?)3), (status.State, status.SyncedSourceVersion, status.Target!.PublishedNumber));
    }

    [Fact]
    public async Task Starting_a_translation_is_refused_when_it_exists_when_the_source_does_not_or_when_what_it_refers_to_is_not_translated()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        content.WriteContent("pages/about.kk.md", PageKk);
        await content.ImportAsync();

        var exists = Assert.IsType<SaveOutcome.Conflict>(await Translations(content, t => t.StartTranslationAsync(AboutRu, "kk", "translator")));
        Assert.Equal(AboutKk, exists.Theirs.Key);
        Assert.IsType<SaveOutcome.Missing>(await Translations(content, t => t.StartTranslationAsync(AboutRu with { TranslationKey = "nowhere" }, "kk", "translator")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Translations(content, t => t.StartTranslationAsync(AboutRu, "ru", "translator")));
        var module = Assert.IsType<SaveOutcome.Invalid>(await Translations(content, t => t.StartTranslationAsync(new("ru", ContentTypeNames.CourseModule, "m"), "kk", "translator")));
        Assert.Contains(module.Problems, p => p.Message == ImportMessages.MissingReference && p.Field == "lessons");

        var noSource = Assert.IsType<SaveOutcome.Invalid>(await content.UseAsync<ContentEditing, SaveOutcome>(e =>
            e.SaveAsync(AboutKk, PageKk, 1, "translator", null, publish: false, new TranslationSync("ru", 9))));
        var problem = noSource.Problems[^1];
        Assert.Equal((EditingMessages.NoTranslationSource, "ru", 9), (problem.Message, (string)problem.Arguments[0]!, (int)problem.Arguments[1]!));

        Assert.Equal(MarkUpToDateOutcome.Missing, await Translations(content, t => t.MarkUpToDateAsync(new("kk", ContentTypeNames.Lesson, "l"), "editor")));
        await Translations(content, t => t.StartTranslationAsync(new("ru", ContentTypeNames.Lesson, "l"), "kk", "translator"));
        Assert.Equal(MarkUpToDateOutcome.NotPublished, await Translations(content, t => t.MarkUpToDateAsync(new("kk", ContentTypeNames.Lesson, "l"), "editor")));
    }

    [Fact]
    public async Task Coverage_counts_each_state_per_type_and_direction_and_lists_the_items_with_both_titles()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var content = await ContentServices.CreateAsync(clock);
        SampleContent.WriteTo(content.WriteContent);
        content.WriteContent("pages/about.kk.md", PageKk);
        content.WriteContent("glossary/g.kk.md", "---\ntype: GlossaryTerm\ntitle: Қала белсендісі\ndefinition: Қалаға көмектесетін адам.\n---\nТолығырақ.\n");
        await content.ImportAsync();
        await Translations(content, t => t.StartTranslationAsync(new("ru", ContentTypeNames.Lesson, "l"), "kk", "translator"));
        clock.Advance(TimeSpan.FromDays(1));
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(new("ru", ContentTypeNames.GlossaryTerm, "g"), "Городской активист", "Подробнее и точнее.", "editor", publish: true));

        var coverage = await Translations(content, t => t.CoverageAsync());

        var ruKk = TranslationDirection.RussianToKazakh;
        Assert.Equal(
            [
                (ContentTypeNames.Course, 0, 0, 0, 1),
                (ContentTypeNames.CourseModule, 0, 0, 0, 1),
                (ContentTypeNames.GlossaryTerm, 0, 1, 0, 0),
                (ContentTypeNames.Lesson, 0, 0, 1, 0),
                (ContentTypeNames.Page, 1, 0, 0, 0),
            ],
            new[] { ContentTypeNames.Course, ContentTypeNames.CourseModule, ContentTypeNames.GlossaryTerm, ContentTypeNames.Lesson, ContentTypeNames.Page }
                .Select(type => coverage.For(type, ruKk)).Select(c => (c.ContentType, c.UpToDate, c.Outdated, c.Draft, c.Missing)));
        var term = Assert.Single(coverage.For(ContentTypeNames.GlossaryTerm, ruKk).In(TranslationState.Outdated));
        Assert.Equal(("g", "Городской активист", "Қала белсендісі", 2, (int?)1), (term.TranslationKey, term.Source.Title, term.Target!.Title, term.Source.LatestNumber, term.Target.PublishedNumber));
        // From Kazakh: the three Kazakh items; the lesson's source is a draft, so its Russian original cannot lag behind it.
        var kkRu = TranslationDirection.KazakhToRussian;
        Assert.Equal(
            [(ContentTypeNames.GlossaryTerm, TranslationState.UpToDate), (ContentTypeNames.Lesson, TranslationState.UpToDate), (ContentTypeNames.Page, TranslationState.UpToDate)],
            coverage.Rows.Where(r => r.Direction == kkRu).SelectMany(r => r.Items).Select(i => (i.ContentType, i.State)));
        Assert.Equal(TranslationBasis.SourceUnpublished, coverage.For(ContentTypeNames.Lesson, kkRu).Items.Single().Basis);
        Assert.All(coverage.Rows.Where(r => r.ContentType == ContentTypeNames.Quiz), r => Assert.Empty(r.Items));
    }

    internal static Task<T> Translations<T>(ContentServices content, Func<ContentTranslations, Task<T>> use) => content.UseAsync(use);

    private static Task<TranslationStatus?> StatusAsync(ContentServices content, ContentKey key) => Translations(content, t => t.StatusAsync(key));

    private static async Task<(TranslationState, TranslationBasis)> StateAsync(ContentServices content, ContentKey key) =>
        (await StatusAsync(content, key)) is { } s ? (s.State, s.Basis) : throw new InvalidOperationException($"No status for {key}.");

    private static async Task SaveAsync(ContentServices content, ContentKey key, string source, int baseNumber, TranslationSync? translatedFrom) =>
        Assert.IsType<SaveOutcome.Saved>(await content.UseAsync<ContentEditing, SaveOutcome>(e => e.SaveAsync(key, source, baseNumber, "translator", null, publish: true, translatedFrom)));

    private static Task<ContentChange> LastEntryAsync(ContentServices content, ContentKey key) =>
        content.QueryAsync(db => db.Set<ContentChange>().Where(c => c.Culture == key.Culture && c.ContentType == key.ContentType && c.TranslationKey == key.TranslationKey)
            .OrderByDescending(c => c.Id).FirstAsync());
}
