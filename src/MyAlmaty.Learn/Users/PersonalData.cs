using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// Everything the site keeps about a person, gathered from every feature's
/// <see cref="IPersonalDataHolder"/>: one JSON document to download, and one transaction that
/// erases it all, the account last.
/// </summary>
public sealed class PersonalData(IEnumerable<IPersonalDataHolder> holders, UserManager<LearnUser> users, LearnDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // The document is a download, never HTML: names and answers stay readable in Cyrillic.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IPersonalDataHolder[] _holders = holders.ToArray();

    /// <summary>The account and each feature's sections as one UTF-8 JSON object: <c>exportedUtc</c>, then a key per section.</summary>
    public async Task<byte[]> ExportAsync(LearnUser user, CancellationToken cancellationToken = default)
    {
        var subject = SubjectOf(user);
        var sections = new List<PersonalDataSection> { await AccountAsync(user) };
        foreach (var holder in _holders) sections.AddRange(await holder.ExportAsync(subject, cancellationToken));
        if (sections.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two holders of personal data export a section named '{twice.Key}'.");
        }

        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Json.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("exportedUtc", clock.GetUtcNow().UtcDateTime);
            foreach (var section in sections)
            {
                json.WritePropertyName(section.Name);
                JsonSerializer.Serialize(json, section.Rows, Json);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>
    /// Deletes every feature's rows about the person, their sessions (so every browser is signed out)
    /// and then the account, in one transaction: a failure anywhere leaves everything as it was.
    /// </summary>
    public async Task EraseAsync(LearnUser user, CancellationToken cancellationToken = default)
    {
        var subject = SubjectOf(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var holder in _holders) await holder.EraseAsync(subject, cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
        {
            throw new InvalidOperationException($"The account could not be deleted: {string.Join("; ", deleted.Errors.Select(e => e.Description))}");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private DataSubject SubjectOf(LearnUser user)
    {
        var email = user.Email ?? throw new InvalidOperationException("An account without an address.");
        return new DataSubject(user.Id, email, user.NormalizedEmail ?? users.NormalizeEmail(email));
    }

    private async Task<PersonalDataSection> AccountAsync(LearnUser user) =>
        new("account",
        [
            new
            {
                user.Email, user.EmailConfirmed, user.DisplayName, user.CertificateName, user.PreferredCulture, user.CreatedUtc, user.LastSignInUtc,
                Roles = await users.GetRolesAsync(user),
            },
        ]);
}
