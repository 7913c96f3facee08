using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Translations;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Editing;

/// <summary>One version of an item as the editor sees it.</summary>
public sealed record EditableVersion
{
    public required ContentKey Key { get; init; }
    public required int Number { get; init; }
    public required bool Latest { get; init; }
    public required bool Published { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string Body { get; init; }
    public required string Source { get; init; }
    public required string Author { get; init; }
    public required DateTime CreatedUtc { get; init; }

    /// <summary>The file the item is kept in (the one it was imported from, or where an export puts it).</summary>
    public required string Path { get; init; }

    /// <summary>The form's values, read from the source.</summary>
    public IReadOnlyDictionary<string, string> Values => ContentSource.Split(Source) is { } split ? ContentSource.Values(split.FrontMatter) : new Dictionary<string, string>();
}

/// <summary>What became of a save.</summary>
public abstract record SaveOutcome
{
    /// <summary>Saved as version <paramref name="Number"/>; warnings are kept to show.</summary>
    public sealed record Saved(int Number, IReadOnlyList<ImportProblem> Warnings) : SaveOutcome;

    /// <summary>Not saved: the source has errors (warnings listed too).</summary>
    public sealed record Invalid(IReadOnlyList<ImportProblem> Problems) : SaveOutcome;

    /// <summary>Not saved: someone saved <paramref name="Theirs"/> since the editor opened the version they changed.</summary>
    public sealed record Conflict(EditableVersion Theirs) : SaveOutcome;

    /// <summary>Not saved: the item does not exist (or, when creating, already exists).</summary>
    public sealed record Missing : SaveOutcome;
}

/// <summary>
/// Saving what an editor typed — in the form or as source — as a new version. Everything goes through
/// the parser that imports content/, so a browser save is held to the same rules as a file, reported
/// in the same words, and its line numbers point into the source box. A save based on a version that is
/// no longer the newest is a conflict, never an overwrite.
/// </summary>
public sealed class ContentEditing(LearnDbContext db, ContentFileParser parser, ContentReferenceChecker references, IEnumerable<IContentFileCheck> checks,
    ContentTypeRegistry types, PublishedContent published, TimeProvider clock)
{
    public async Task<EditableVersion?> VersionAsync(ContentKey key, int? number = null, CancellationToken cancellationToken = default)
    {
        var item = await ItemQuery(key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (item is null) return null;
        var query = db.Set<ContentItemVersion>().AsNoTracking().Where(v => v.ContentItemId == item.Id);
        var version = await (number is { } n ? query.Where(v => v.Number == n) : query.Where(v => v.Latest)).FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : Editable(item, version);
    }

    /// <summary>The file an item of this type, culture and key is kept in when it has none yet.</summary>
    public string PathFor(ContentKey key) => $"{types.Get(key.ContentType).Folder}/{key.TranslationKey}.{key.Culture}.md";

    /// <summary>Checks a source as the file of <paramref name="key"/> without saving it.</summary>
    public async Task<(ContentFile? File, List<ImportProblem> Problems)> CheckAsync(ContentKey key, string source, CancellationToken cancellationToken = default)
    {
        var item = await ItemQuery(key).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var path = item?.SourcePath ?? PathFor(key);
        var problems = new List<ImportProblem>();
        var file = parser.ParseText(path, source, problems);
        if (file is null) return (null, problems);
        if (file.ContentType != key.ContentType) problems.Add(ImportProblem.Error(path, 1, EditingMessages.TypeChanged, key.ContentType) with { Field = "type" });
        if (file.TranslationKey != key.TranslationKey) problems.Add(ImportProblem.Error(path, 1, EditingMessages.KeyChanged, key.TranslationKey) with { Field = "translationKey" });
        if (await SlugTakenAsync(key, file.Slug, cancellationToken) is { } owner)
        {
            problems.Add(ImportProblem.Error(path, file.SlugLine, ImportMessages.DuplicateSlug, file.Slug, owner) with { Field = "slug" });
        }
        var existing = await db.Set<ContentItem>().AsNoTracking().Where(i => i.Culture == key.Culture)
            .Select(i => new { i.ContentType, i.Culture, i.TranslationKey }).ToListAsync(cancellationToken);
        var valid = references.Check([file], new HashSet<(string, string)>(), existing.Select(i => (i.ContentType, i.Culture, i.TranslationKey)), problems);
        await checks.RunAsync([file], problems, cancellationToken);
        var failed = valid.Count == 0 || problems.Any(p => p.Severity == ProblemSeverity.Error);
        return (failed ? null : file, problems);
    }

    /// <summary>
    /// Saves <paramref name="source"/> as the newest version of the item, made from version
    /// <paramref name="baseNumber"/>; publishes it at once when asked. Creates the item when
    /// <paramref name="baseNumber"/> is null.
    /// </summary>
    /// <param name="translatedFrom">
    /// For a translation: the version of the item in the other language it was translated from (or brought
    /// in step with). Recorded on the new version, it is what the translation's state is measured against.
    /// A version that does not exist makes the save invalid.
    /// </param>
    public async Task<SaveOutcome> SaveAsync(ContentKey key, string source, int? baseNumber, string actor, string? note, bool publish,
        TranslationSync? translatedFrom = null, CancellationToken cancellationToken = default)
    {
        var item = await ItemQuery(key).Include(i => i.Versions.Where(v => v.Latest || v.Published)).FirstOrDefaultAsync(cancellationToken);
        if (item is null != baseNumber is null) return item is null ? new SaveOutcome.Missing() : new SaveOutcome.Conflict(Editable(item, item.Versions.Single(v => v.Latest)));
        var latest = item?.Versions.Single(v => v.Latest);
        if (latest is not null && latest.Number != baseNumber) return new SaveOutcome.Conflict(Editable(item!, latest));

        var (file, problems) = await CheckAsync(key, source, cancellationToken);
        if (translatedFrom is not null && !await SourceExistsAsync(key, translatedFrom, cancellationToken))
        {
            problems.Add(ImportProblem.Error(item?.SourcePath ?? PathFor(key), null, EditingMessages.NoTranslationSource, translatedFrom.Culture, translatedFrom.Version));
            file = null;
        }
        if (file is null) return new SaveOutcome.Invalid(problems);

        var now = clock.GetUtcNow().UtcDateTime;
        if (item is null)
        {
            item = new ContentItem { ContentType = key.ContentType, Culture = key.Culture, TranslationKey = key.TranslationKey, CreatedUtc = now };
            db.Add(item);
        }
        var version = new ContentItemVersion
        {
            Title = file.Title,
            Slug = file.Slug,
            Body = file.Body,
            Metadata = JsonSerializer.Serialize(file.Metadata, file.Metadata.GetType(), ContentVersionWriter.MetadataJson),
            Source = source,
            ContentHash = Hash(source),
            Author = actor,
            SourceCulture = translatedFrom?.Culture,
            SourceVersion = translatedFrom?.Version,
        };
        ContentVersioning.AddVersion(item, version, publish, now);
        version.Number = (baseNumber ?? 0) + 1;
        ContentJournal.Record(db, item, baseNumber is null ? ContentOperation.Created : ContentOperation.Revised, actor, now, version.Number, Note(note));
        if (publish) ContentJournal.Record(db, item, ContentOperation.Published, actor, now, version.Number);
        return await SaveVersionAsync(key, version, problems, cancellationToken);
    }

    /// <summary>
    /// Adds a version whose source, title, address, text and metadata are those of version
    /// <paramref name="toNumber"/>, made from version <paramref name="basedOn"/> (which must still be the
    /// newest: otherwise a conflict); a draft, or published at once when asked. The old source is checked
    /// as a save would be, since what it refers to may have gone since. The version keeps the translation
    /// state of the one it copies. Journalled as <see cref="ContentOperation.RolledBack"/> with the note
    /// "from version N" and the editor's note after it.
    /// </summary>
    public async Task<SaveOutcome> RollBackAsync(ContentKey key, int toNumber, string actor, int basedOn, string? note, bool publish = false, CancellationToken cancellationToken = default)
    {
        var item = await ItemQuery(key).Include(i => i.Versions.Where(v => v.Latest || v.Published)).FirstOrDefaultAsync(cancellationToken);
        if (item is null) return new SaveOutcome.Missing();
        var latest = item.Versions.Single(v => v.Latest);
        if (latest.Number != basedOn) return new SaveOutcome.Conflict(Editable(item, latest));
        var versions = db.Set<ContentItemVersion>().AsNoTracking().Where(v => v.ContentItemId == item.Id);
        var target = await versions.FirstOrDefaultAsync(v => v.Number == toNumber, cancellationToken);
        if (target is null) return new SaveOutcome.Missing();
        var sync = await versions.Where(v => v.Number <= toNumber && v.SourceVersion != null).OrderByDescending(v => v.Number)
            .Select(v => new { v.SourceCulture, v.SourceVersion }).FirstOrDefaultAsync(cancellationToken);

        var problems = new List<ImportProblem>();
        if (target.Source is { } source)
        {
            (var file, problems) = await CheckAsync(key, source, cancellationToken);
            if (file is null) return new SaveOutcome.Invalid(problems);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var version = new ContentItemVersion
        {
            Title = target.Title,
            Slug = target.Slug,
            Body = target.Body,
            Metadata = target.Metadata,
            Source = target.Source,
            ContentHash = target.ContentHash,
            Author = actor,
            SourceCulture = sync?.SourceCulture,
            SourceVersion = sync?.SourceVersion,
        };
        ContentVersioning.AddVersion(item, version, publish, now);
        version.Number = basedOn + 1;
        var detail = $"from version {toNumber}";
        ContentJournal.Record(db, item, ContentOperation.RolledBack, actor, now, version.Number, Note(Note(note) is { } text ? $"{detail}: {text}" : detail));
        if (publish) ContentJournal.Record(db, item, ContentOperation.Published, actor, now, version.Number);
        return await SaveVersionAsync(key, version, problems, cancellationToken);
    }

    private async Task<SaveOutcome> SaveVersionAsync(ContentKey key, ContentItemVersion version, IReadOnlyList<ImportProblem> warnings, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another editor's save took the same version number (or created the same item) first.
            db.ChangeTracker.Clear();
            return await VersionAsync(key, null, cancellationToken) is { } theirs ? new SaveOutcome.Conflict(theirs) : throw new InvalidOperationException("A save failed and no newer version exists.");
        }
        await published.ReloadAsync(cancellationToken);
        return new SaveOutcome.Saved(version.Number, warnings);
    }

    private Task<bool> SourceExistsAsync(ContentKey key, TranslationSync from, CancellationToken cancellationToken) =>
        from.Culture == key.Culture
            ? Task.FromResult(false)
            : db.Set<ContentItemVersion>().AnyAsync(v => v.Number == from.Version && v.ContentItem!.Culture == from.Culture
                && v.ContentItem.ContentType == key.ContentType && v.ContentItem.TranslationKey == key.TranslationKey, cancellationToken);

    /// <summary>SHA-256 of the source as UTF-8, as the import computes it for a file.</summary>
    public static string Hash(string source) => Convert.ToHexStringLower(SHA256.HashData(new UTF8Encoding(false).GetBytes(source)));

    private static string? Note(string? note)
    {
        var text = note?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > 1000 ? text[..1000] : text;
    }

    private async Task<string?> SlugTakenAsync(ContentKey key, string slug, CancellationToken cancellationToken) =>
        await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => (v.Latest || v.Published) && v.Slug == slug && v.ContentItem!.ContentType == key.ContentType && v.ContentItem.Culture == key.Culture && v.ContentItem.TranslationKey != key.TranslationKey)
            .Select(v => v.ContentItem!.SourcePath ?? v.ContentItem.TranslationKey)
            .FirstOrDefaultAsync(cancellationToken);

    private IQueryable<ContentItem> ItemQuery(ContentKey key) =>
        db.Set<ContentItem>().Where(i => i.Culture == key.Culture && i.ContentType == key.ContentType && i.TranslationKey == key.TranslationKey);

    private EditableVersion Editable(ContentItem item, ContentItemVersion version) => new()
    {
        Key = ContentKey.Of(item),
        Number = version.Number,
        Latest = version.Latest,
        Published = version.Published,
        Title = version.Title,
        Slug = version.Slug,
        Body = version.Body,
        Source = version.Source ?? ContentSource.WithTitleAndBody(null, types.Get(item.ContentType), version.Title, version.Body),
        Author = version.Author,
        CreatedUtc = version.CreatedUtc,
        Path = item.SourcePath ?? PathFor(ContentKey.Of(item)),
    };
}

/// <summary>Messages of browser saves, as msgids translated in ru.po and kk.po.</summary>
public static class EditingMessages
{
    public const string TypeChanged = "The type of an item cannot be changed here: it must stay '{0}'.";
    public const string KeyTaken = "Another item of this type already has the key '{0}' in this language.";
    public const string KeyChanged = "The translation key of an item cannot be changed here: it must stay '{0}'.";
    public const string NoTranslationSource = "There is no version {1} of this item in '{0}' to translate from.";
}
