using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>Addresses that must not be mailed again, remembered without keeping the address.</summary>
public sealed class MailSuppressionsTests
{
    [Fact]
    public async Task A_suppressed_address_is_recognised_whatever_its_case_and_surrounding_spaces()
    {
        await using var mail = await MailServices.CreateAsync();

        await Suppress(mail, "Aigerim@Example.kz", SuppressionReason.Unsubscribed);

        Assert.True(await IsSuppressed(mail, "aigerim@example.kz"));
        Assert.True(await IsSuppressed(mail, "  AIGERIM@EXAMPLE.KZ "));
        Assert.False(await IsSuppressed(mail, "dana@example.kz"));
    }

    [Fact]
    public async Task Only_a_keyed_hash_is_stored_never_the_address()
    {
        await using var mail = await MailServices.CreateAsync();

        await Suppress(mail, "aigerim@example.kz", SuppressionReason.Bounced);

        var row = Assert.Single(await mail.WithDbAsync((db, _) => db.Set<MailSuppression>().AsNoTracking().ToListAsync()));
        Assert.Equal(SuppressionReason.Bounced, row.Reason);
        Assert.Equal(mail.Clock.UtcNow, row.CreatedUtc);
        Assert.Matches("^[0-9a-f]{64}$", row.AddressHash);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(mail.Folder, "learn.db"));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("aigerim"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("AIGERIM"u8));
    }

    [Fact]
    public async Task The_hash_is_HMAC_SHA256_with_the_key_made_on_first_use_in_the_data_folder_and_kept_across_restarts()
    {
        string hash;
        string folder;
        await using (var first = await MailServices.CreateAsync())
        {
            folder = first.Folder;
            hash = await first.WithAsync<MailSuppressions, string>(s => Task.FromResult(s.HashOf(" Aigerim@Example.kz")));
            var key = await File.ReadAllBytesAsync(Path.Combine(folder, "mail-suppression.key"));
            Assert.Equal(32, key.Length);
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, "AIGERIM@EXAMPLE.KZ"u8));
            Assert.Equal(expected, hash);
            await Suppress(first, "aigerim@example.kz", SuppressionReason.Unsubscribed);

            await using var restarted = await MailServices.CreateAsync(sharedFolder: folder);
            Assert.Equal(hash, await restarted.WithAsync<MailSuppressions, string>(s => Task.FromResult(s.HashOf("aigerim@example.kz"))));
            Assert.True(await IsSuppressed(restarted, "aigerim@example.kz"));
        }
        await using var elsewhere = await MailServices.CreateAsync();
        Assert.NotEqual(hash, await elsewhere.WithAsync<MailSuppressions, string>(s => Task.FromResult(s.HashOf("aigerim@example.kz"))));
    }

    [Fact]
    public async Task Suppressing_the_same_address_twice_in_one_save_or_in_two_is_harmless()
    {
        await using var mail = await MailServices.CreateAsync();

        await mail.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LearnDbContext>();
            var suppressions = services.GetRequiredService<MailSuppressions>();
            suppressions.Suppress(db, "aigerim@example.kz", SuppressionReason.Unsubscribed);
            suppressions.Suppress(db, "AIGERIM@example.kz", SuppressionReason.Unsubscribed);
            return await db.SaveChangesAsync();
        });
        await Suppress(mail, "aigerim@example.kz", SuppressionReason.Unsubscribed);
        await Suppress(mail, "aigerim@example.kz", SuppressionReason.Bounced);

        Assert.True(await IsSuppressed(mail, "aigerim@example.kz"));
    }

    [Fact]
    public async Task SuppressedAmong_returns_the_given_addresses_that_are_suppressed_as_they_were_given()
    {
        await using var mail = await MailServices.CreateAsync();
        await Suppress(mail, "aigerim@example.kz", SuppressionReason.Unsubscribed);
        await Suppress(mail, "bolat@example.kz", SuppressionReason.Bounced);
        var many = Enumerable.Range(0, 1200).Select(i => $"learner{i}@example.kz").ToList();
        await Suppress(mail, "learner1100@example.kz", SuppressionReason.Unsubscribed);

        var found = await mail.WithAsync<MailSuppressions, IReadOnlySet<string>>(s => s.SuppressedAmongAsync(
            ["Aigerim@example.kz", "dana@example.kz", "bolat@example.kz", .. many], CancellationToken.None));

        Assert.Equal(["Aigerim@example.kz", "bolat@example.kz", "learner1100@example.kz"], found.Order());
    }

    [Fact]
    public async Task The_suppression_list_outlives_the_erasure_of_the_persons_mail()
    {
        await using var mail = await MailServices.CreateAsync();
        await mail.EnqueueAsync(MailServices.Mail("aigerim@example.kz"));
        await Suppress(mail, "aigerim@example.kz", SuppressionReason.Unsubscribed);

        await mail.InScopeAsync(async services =>
        {
            var mailData = services.GetServices<IPersonalDataHolder>().OfType<MailPersonalData>().Single();
            await mailData.EraseAsync(new DataSubject("user-1", "aigerim@example.kz", "AIGERIM@EXAMPLE.KZ"));
            return 0;
        });

        Assert.Empty(await mail.RowsAsync());
        Assert.True(await IsSuppressed(mail, "aigerim@example.kz"));
    }

    [Fact]
    public async Task A_key_file_of_the_wrong_size_is_refused_with_what_to_do()
    {
        await using var mail = await MailServices.CreateAsync();
        await File.WriteAllBytesAsync(Path.Combine(mail.Folder, "mail-suppression.key"), new byte[7]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => IsSuppressed(mail, "aigerim@example.kz"));

        Assert.Contains("holds 7 bytes, not 32", error.Message);
    }

    private static Task<bool> IsSuppressed(MailServices mail, string email) =>
        mail.WithAsync<MailSuppressions, bool>(s => s.IsSuppressedAsync(email, CancellationToken.None));

    private static Task<int> Suppress(MailServices mail, string email, SuppressionReason reason) =>
        mail.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<LearnDbContext>();
            services.GetRequiredService<MailSuppressions>().Suppress(db, email, reason);
            return await db.SaveChangesAsync();
        });
}
