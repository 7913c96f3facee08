using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Learners;

/// <summary>A learner's download of their data, and the deletion of their account, reach every feature's rows and no one else's.</summary>
[Collection(SiteCollection.Name)]
public sealed class PersonalDataTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    private static readonly string[] Sections =
        ["account", "completedLessons", "certificates", "quizAttempts", "signInLinks", "signedInBrowsers", "failedSignIns", "emails"];

    [Fact]
    public async Task Deleting_the_account_leaves_no_row_that_names_the_learner_and_every_other_learners_rows_stay()
    {
        var learner = await Learner.MakeAsync(Site);
        var other = await Learner.MakeAsync(Site);
        var before = await RowsNaming.CountAsync(Site.Services, learner.Id, learner.Email);
        var othersBefore = await RowsNaming.CountAsync(Site.Services, other.Id, other.Email);

        var deleted = await Forms.SubmitAsync(learner.Client, "/ru/account", "/ru/account/delete", ("confirm", "on"));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        // The walk does see the learner everywhere they were.
        foreach (var table in new[] { "AspNetUsers", "AspNetUserRoles", "AuthSessions", "LessonProgress", "QuizAttempts", "Certificates", "OneTimeLinks", "SignInFailures", "MailOutbox" })
        {
            Assert.Contains(before.Keys, k => k.StartsWith(table + ".", StringComparison.Ordinal));
        }
        Assert.Empty(await RowsNaming.CountAsync(Site.Services, learner.Id, learner.Email));
        Assert.Equal(othersBefore, await RowsNaming.CountAsync(Site.Services, other.Id, other.Email));
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/ru/account")).StatusCode);
    }

    /// <summary>
    /// Staff's actions stay accountable after an erasure — who invited someone, who changed a role —
    /// but the entries no longer say whose account it was: the id becomes a tombstone.
    /// </summary>
    [Fact]
    public async Task Deleting_an_invited_account_keeps_the_audit_entries_about_it_without_the_persons_id_or_address()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        var email = AccountFlowTests.NewEmail();
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.PeopleAdminTests.InviteAsync(admin.Client, email, RoleNames.Facilitator, "ru", "Данияр")).StatusCode);
        using var invitee = Site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountFlowTests.UseLinkAsync(invitee, Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email))))).StatusCode);
        string id;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email))!.Id;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await Admin.PeopleAdminTests.ChangeRoleAsync(admin.Client, id, RoleNames.Learner)).StatusCode);
        var export = JsonDocument.Parse(await invitee.GetStringAsync("/ru/account/export")).RootElement.GetProperty("accountHistory");
        Assert.Equal(["Invited", "RoleChanged"], export.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.DoesNotContain(admin.Id, export.ToString());
        Assert.Contains(await RowsNaming.CountAsync(Site.Services, id), r => r.Key.StartsWith("AuditEntries.", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(invitee, "/ru/account", "/ru/account/delete", ("confirm", "on"))).StatusCode);

        Assert.Empty(await RowsNaming.CountAsync(Site.Services, id, email));
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var entries = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<MyAlmaty.Learn.Audit.AuditEntry>().AsNoTracking()
                .Where(e => e.ActorId == admin.Id).ToListAsync();
            var tombstones = entries.Select(e => e.SubjectId).Where(MyAlmaty.Learn.Audit.AuditPersonalData.IsTombstone).Distinct().ToList();
            Assert.Single(tombstones);
            Assert.Equal(2, entries.Count(e => e.SubjectId == tombstones[0]));
        }
        var (_, trail) = await Html.GetAsync(admin.Client, "/admin/audit?action=people");
        Assert.Contains("Удалённый аккаунт", trail.QuerySelector("table")!.TextContent);
        Assert.DoesNotContain("Данияр", trail.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task The_download_holds_each_features_section_with_the_learners_rows_and_nothing_of_another_learner()
    {
        var learner = await Learner.MakeAsync(Site);
        var other = await Learner.MakeAsync(Site);

        using var response = await learner.Client.GetAsync("/kk/account/export");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^myalmaty-data-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.True(response.Headers.CacheControl.Private);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.All(Sections, name => Assert.NotEqual(0, root.GetProperty(name).GetArrayLength()));
        Assert.Equal(learner.Email, root.GetProperty("account")[0].GetProperty("email").GetString());
        Assert.Contains(root.GetProperty("completedLessons").EnumerateArray(), l => l.GetProperty("lesson").GetString() == "urban-activist");
        Assert.Equal(learner.CertificateCode, root.GetProperty("certificates")[0].GetProperty("code").GetString());
        Assert.Contains(root.GetProperty("signInLinks").EnumerateArray(), l => l.GetProperty("usedUtc").ValueKind == JsonValueKind.Null);
        foreach (var foreign in new[] { other.Email, other.Id, other.CertificateCode, other.Name })
        {
            Assert.DoesNotContain(foreign, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Downloading_ones_data_needs_signing_in()
    {
        using var stranger = Site.NewClient();

        using var response = await stranger.GetAsync("/ru/account/export");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/ru/account/sign-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_registered_holder_of_personal_data_is_asked_for_the_download_and_for_the_deletion()
    {
        var calls = new HolderCalls();
        await using var site = await TestSite.StartWithAsync(services =>
        {
            // What a new feature adds: one line.
            services.AddPersonalData<FeatureStillToCome>();
            foreach (var holder in services.Where(d => d.ServiceType == typeof(IPersonalDataHolder)).ToList())
            {
                services.Remove(holder);
                services.AddScoped<IPersonalDataHolder>(sp => new CountedHolder((IPersonalDataHolder)ActivatorUtilities.CreateInstance(sp, holder.ImplementationType!), calls));
            }
        }, "--Site:AccountRequestsPerMinute=100000");
        var registered = site.Services.CreateScope().ServiceProvider.GetServices<IPersonalDataHolder>().Count();
        var learner = await Learner.SignInAsync(site);

        var export = await learner.Client.GetStringAsync("/ru/account/export");
        await Forms.SubmitAsync(learner.Client, "/ru/account", "/ru/account/delete", ("confirm", "on"));

        Assert.True(registered >= 5, $"only {registered} holders");
        Assert.Equal(registered, calls.Exported.Count);
        Assert.Equal(registered, calls.Erased.Count);
        Assert.All(calls.Exported.Values.Concat(calls.Erased.Values), count => Assert.Equal(1, count));
        Assert.Contains(typeof(FeatureStillToCome), calls.Erased.Keys);
        Assert.Contains(typeof(MyAlmaty.Learn.Workshops.Registrations.RegistrationPersonalData), calls.Erased.Keys);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(export).RootElement.GetProperty("featureStillToCome").ValueKind);
    }

    /// <summary>A signed-in learner with a row in every feature that keeps one, made the way the site makes them.</summary>
    private sealed record Learner(HttpClient Client, string Id, string Email, string Name, string CertificateCode)
    {
        public static async Task<Learner> SignInAsync(TestSite site)
        {
            var email = AccountFlowTests.NewEmail();
            var client = site.NewClient();
            await AddressStates.RequestLinkAsync(client, email);
            var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, email)));
            Assert.Equal(HttpStatusCode.Redirect, (await AccountFlowTests.UseLinkAsync(client, link)).StatusCode);
            await using var scope = site.Services.CreateAsyncScope();
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email))!;
            return new Learner(client, user.Id, email, "", "");
        }

        public static async Task<Learner> MakeAsync(TestSite site)
        {
            var signedIn = await SignInAsync(site);
            // A link still waiting to be used, asked for with the address typed in capitals.
            await AddressStates.RequestLinkAsync(signedIn.Client, signedIn.Email.ToUpperInvariant());
            var name = "Айгерім " + Guid.NewGuid().ToString("N")[..8];
            await using var scope = site.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var id = signedIn.Id;
            await services.GetRequiredService<LearnerProgress>().MarkDoneAsync(id, "urban-activist");
            var quiz = services.GetRequiredService<PublishedContent>().Current.OfType("ru", ContentTypeNames.Quiz)[0];
            await services.GetRequiredService<QuizAttempts>().StartAsync(id, quiz);
            var certificate = await services.GetRequiredService<Certificates>().IssueAsync(id, "grassroots", "ru", name);
            var db = services.GetRequiredService<LearnDbContext>();
            // Failed password sign-ins counted against the address (as before it had an account).
            db.Add(new SignInFailure { NormalizedEmail = signedIn.Email.ToUpperInvariant(), AccessFailedCount = 2 });
            await db.SaveChangesAsync();
            return signedIn with { Name = name, CertificateCode = certificate.Code };
        }
    }

    private sealed class HolderCalls
    {
        public ConcurrentDictionary<Type, int> Exported { get; } = new();
        public ConcurrentDictionary<Type, int> Erased { get; } = new();
    }

    private sealed class CountedHolder(IPersonalDataHolder inner, HolderCalls calls) : IPersonalDataHolder
    {
        public Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
        {
            calls.Exported.AddOrUpdate(inner.GetType(), 1, (_, n) => n + 1);
            return inner.ExportAsync(subject, cancellationToken);
        }

        public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
        {
            calls.Erased.AddOrUpdate(inner.GetType(), 1, (_, n) => n + 1);
            return inner.EraseAsync(subject, cancellationToken);
        }
    }

    /// <summary>Stands in for a feature still to come.</summary>
    private sealed class FeatureStillToCome : IPersonalDataHolder
    {
        public Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PersonalDataSection>>([new("featureStillToCome", [])]);

        public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
