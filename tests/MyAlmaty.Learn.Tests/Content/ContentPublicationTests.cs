using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>Features hear of every change of what the public sees, and what they write goes with it or not at all.</summary>
public sealed class ContentPublicationTests
{
    private static readonly ContentKey About = new("ru", ContentTypeNames.Page, "about");

    [Fact]
    public async Task Importing_publishing_a_revision_unpublishing_and_deleting_each_tell_the_handlers_what_went_on_the_site_instead_of_what()
    {
        var heard = new Recorder();
        await using var content = await ContentServices.CreateAsync(configure: s => s.AddSingleton<IContentPublicationHandler>(heard));
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        Assert.True(heard.Seen.Any(p => p.Key == About && p.Now == 1 && p.Before is null && p.Actor == ContentActors.Import), string.Join("; ", heard.Seen));
        heard.Seen.Clear();

        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(About, "О программе", "Черновик.", "editor-1", publish: false));
        Assert.Empty(heard.Seen);
        await content.UseAsync<ContentPublishing, bool>(p => p.PublishAsync(About, "editor-2"));
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(About, "О программе", "Сразу.", "editor-1", publish: true));
        await content.UseAsync<ContentPublishing, bool>(p => p.UnpublishAsync(About, "editor-3"));
        await content.UseAsync<ContentPublishing, bool>(p => p.PublishAsync(About, "editor-2"));
        await content.UseAsync<ContentPublishing, bool>(p => p.DeleteAsync(About, "admin"));

        Assert.Equal(
            [
                (About, (int?)2, (int?)1, "editor-2"),
                (About, 3, 2, "editor-1"),
                (About, null, 3, "editor-3"),
                (About, 3, null, "editor-2"),
                (About, null, 3, "admin"),
            ],
            heard.Seen.Select(p => (p.Key, p.Now, p.Before, p.Actor)));
    }

    [Fact]
    public async Task What_a_handler_adds_is_saved_with_the_publication()
    {
        var jobs = new JobWriter();
        await using var content = await ContentServices.CreateAsync(configure: s => s.AddSingleton<IContentPublicationHandler>(jobs));
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        await content.UseAsync<ContentPublishing, bool>(p => p.ReviseAsync(About, "О программе", "Сразу.", "editor-1", publish: true));

        var keys = await content.QueryAsync(db => db.Set<ScheduledJob>().Where(j => j.Kind == "heard").Select(j => j.Key).ToListAsync());
        Assert.Contains("ru/Page/about/2", keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    private sealed class Recorder : IContentPublicationHandler
    {
        public List<(ContentKey Key, int? Now, int? Before, string Actor)> Seen { get; } = [];

        public Task OnPublishingAsync(LearnDbContext db, ContentPublication publication, CancellationToken cancellationToken)
        {
            Seen.Add((publication.Key, publication.Now?.Number, publication.Before?.Number, publication.Actor));
            return Task.CompletedTask;
        }
    }

    private sealed class JobWriter : IContentPublicationHandler
    {
        public Task OnPublishingAsync(LearnDbContext db, ContentPublication publication, CancellationToken cancellationToken)
        {
            var k = publication.Key;
            db.Add(new ScheduledJob { Kind = "heard", Key = $"{k.Culture}/{k.ContentType}/{k.TranslationKey}/{publication.Now?.Number}", DueUtc = DateTime.UtcNow });
            return Task.CompletedTask;
        }
    }
}
