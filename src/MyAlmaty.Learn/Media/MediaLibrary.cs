using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Media;

/// <summary>What an editor sends: the file's bytes (null when none was chosen or it is too large to read), and the alt texts.</summary>
public sealed record MediaUpload(byte[]? Bytes, long Length, string? FileName, string? AltRu, string? AltKk);

/// <summary>A problem of an upload or an edit, for the form field it is about: file, alt, altRu or altKk.</summary>
public sealed record MediaProblem(string Field, string Message, params object?[] Arguments);

public abstract record MediaOutcome
{
    /// <summary>Kept; <paramref name="AlreadyThere"/> when the library had the same picture (its missing alt texts are filled in from this upload).</summary>
    public sealed record Stored(MediaItem Item, bool AlreadyThere) : MediaOutcome;

    public sealed record Refused(IReadOnlyList<MediaProblem> Problems) : MediaOutcome;

    public sealed record Missing : MediaOutcome;
}

public sealed record MediaPage(IReadOnlyList<MediaItem> Items, int Total, int Page, int Pages);

/// <summary>
/// The media library: takes uploads (cleaned by <see cref="ImageCleaner"/>; the uploaded bytes are
/// never written anywhere), keeps each picture once whoever uploads it again, and its alt texts.
/// </summary>
public sealed class MediaLibrary(LearnDbContext db, MediaStorage storage, MediaImages images, PublishedContent published, TimeProvider clock)
{
    /// <summary>
    /// One picture is decoded at a time in a process: a picture at the limit takes some 200 MB of
    /// memory while it is worked on, and uploads are rare enough to wait their turn.
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task<MediaOutcome> UploadAsync(MediaUpload upload, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new List<MediaProblem>();
        var (altRu, altKk) = (Alt(upload.AltRu), Alt(upload.AltKk));
        CheckAlts(altRu, altKk, problems);
        CleanImage? image = null;
        if (upload.Length == 0) problems.Add(new("file", MediaMessages.NoFile));
        else if (upload.Length > MediaLimits.FileBytes || upload.Bytes is null) problems.Add(new("file", MediaMessages.FileTooLarge, MediaLimits.FileBytes / (1024 * 1024)));
        else
        {
            var result = await CleanAsync(upload.Bytes, cancellationToken);
            image = result.Image;
            if (result.Refusal is { } refusal) problems.Add(Refusal(refusal, result));
        }
        if (problems.Count > 0 || image is null) return new MediaOutcome.Refused(problems);

        var hash = Convert.ToHexStringLower(SHA256.HashData(image.Master))[..16];
        if (await db.Set<MediaItem>().FirstOrDefaultAsync(m => m.Hash == hash, cancellationToken) is { } existing)
        {
            return new MediaOutcome.Stored(await FillInAsync(existing, altRu, altKk, cancellationToken), AlreadyThere: true);
        }
        var item = new MediaItem
        {
            Hash = hash,
            Width = image.Width,
            Height = image.Height,
            HasAlpha = image.HasAlpha,
            Widths = string.Join(',', image.Served.Select(s => s.Width)),
            MasterBytes = image.Master.Length,
            ServedBytes = image.Served.Sum(s => (long)s.Bytes.Length),
            AltRu = altRu,
            AltKk = altKk,
            Name = FileName(upload.FileName),
            UploadedBy = actor,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        // The files first: a row never names a picture that is not there.
        foreach (var served in image.Served) await storage.WriteAsync(storage.ServedPath(hash, served.Width), served.Bytes, cancellationToken);
        await storage.WriteAsync(storage.MasterPath(item), image.Master, cancellationToken);
        db.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // The same picture, uploaded by someone else at the same moment.
            db.ChangeTracker.Clear();
            var theirs = await db.Set<MediaItem>().FirstAsync(m => m.Hash == hash, cancellationToken);
            return new MediaOutcome.Stored(await FillInAsync(theirs, altRu, altKk, cancellationToken), AlreadyThere: true);
        }
        return new MediaOutcome.Stored(item, AlreadyThere: false);
    }

    public Task<MediaItem?> FindAsync(string hash, CancellationToken cancellationToken = default) =>
        MediaReferences.IsHash(hash)
            ? db.Set<MediaItem>().AsNoTracking().FirstOrDefaultAsync(m => m.Hash == hash, cancellationToken)
            : Task.FromResult<MediaItem?>(null);

    /// <summary>The newest pictures first, a page at a time.</summary>
    public async Task<MediaPage> PageAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var total = await db.Set<MediaItem>().CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(page, 1, pages);
        var items = await db.Set<MediaItem>().AsNoTracking()
            .OrderByDescending(m => m.UploadedUtc).ThenByDescending(m => m.Id)
            .Skip((number - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new MediaPage(items, total, number, pages);
    }

    /// <summary>
    /// New alt texts for a picture. One shown in texts of a language without alt text of their own
    /// keeps an alt text in that language: emptying it is refused.
    /// </summary>
    public async Task<MediaOutcome> DescribeAsync(string hash, string? altRu, string? altKk, IReadOnlyList<MediaUse> uses, CancellationToken cancellationToken = default)
    {
        if (!MediaReferences.IsHash(hash) || await db.Set<MediaItem>().FirstOrDefaultAsync(m => m.Hash == hash, cancellationToken) is not { } item) return new MediaOutcome.Missing();
        var (ru, kk) = (Alt(altRu), Alt(altKk));
        var problems = new List<MediaProblem>();
        CheckAlts(ru, kk, problems);
        foreach (var (culture, alt) in new[] { (Cultures.Russian, ru), (Cultures.Kazakh, kk) })
        {
            if (alt is null && uses.Any(u => u.Key.Culture == culture && u.NeedsAlt)) problems.Add(new(FieldOf(culture), MediaMessages.AltInUse));
        }
        if (problems.Count > 0) return new MediaOutcome.Refused(problems);
        (item.AltRu, item.AltKk) = (ru, kk);
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync(item, cancellationToken);
        return new MediaOutcome.Stored(item, AlreadyThere: true);
    }

    public static string FieldOf(string culture) => culture == Cultures.Kazakh ? "altKk" : "altRu";

    private async Task<MediaItem> FillInAsync(MediaItem item, string? altRu, string? altKk, CancellationToken cancellationToken)
    {
        if ((item.AltRu is null && altRu is not null) || (item.AltKk is null && altKk is not null))
        {
            item.AltRu ??= altRu;
            item.AltKk ??= altKk;
            await db.SaveChangesAsync(cancellationToken);
            await ChangedAsync(item, cancellationToken);
        }
        return item;
    }

    /// <summary>Pages showing the picture are rendered anew: its alt text is part of them.</summary>
    private async Task ChangedAsync(MediaItem item, CancellationToken cancellationToken)
    {
        images.Forget(item.Hash);
        await published.ReloadAsync(cancellationToken);
    }

    private static async Task<CleaningResult> CleanAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => ImageCleaner.Clean(bytes), cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static MediaProblem Refusal(ImageRefusal refusal, CleaningResult result) => refusal switch
    {
        ImageRefusal.NotAnImage => new("file", MediaMessages.NotAnImage),
        ImageRefusal.TooManyPixels => new("file", MediaMessages.TooManyPixels, result.Width, result.Height, MediaLimits.Pixels / 1_000_000),
        ImageRefusal.TooLong => new("file", MediaMessages.TooLong, result.Width, result.Height, MediaLimits.Side),
        _ => new("file", MediaMessages.Unreadable),
    };

    private static void CheckAlts(string? ru, string? kk, List<MediaProblem> problems)
    {
        if (ru is null && kk is null) problems.Add(new("alt", MediaMessages.NoAltText));
        if (ru?.Length > MediaLimits.AltLength) problems.Add(new("altRu", MediaMessages.AltTooLong, MediaLimits.AltLength));
        if (kk?.Length > MediaLimits.AltLength) problems.Add(new("altKk", MediaMessages.AltTooLong, MediaLimits.AltLength));
    }

    /// <summary>One line of text: runs of spaces and line breaks as one space; nothing at all as null.</summary>
    public static string? Alt(string? text)
    {
        if (text is null) return null;
        var words = text.Split((char[])[' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }

    private static string? FileName(string? name)
    {
        var file = Path.GetFileName(name ?? "").Trim();
        file = new string([.. file.Where(c => !char.IsControl(c))]);
        return file.Length == 0 ? null : file.Length > 200 ? file[..200] : file;
    }
}
