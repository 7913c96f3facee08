using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Keeps each sign-in in the database (<see cref="AuthSessions"/>) and only its key in the cookie,
/// so that signing out ends the session on the server: a copied cookie stops working at once.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity) : ITicketStore
{
    /// <summary>How long a sign-in lasts when the ticket does not say.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in without a user id.");
        return await Sessions(scope).CreateAsync(userId, TicketSerializer.Default.Serialize(ticket), ExpiresUtc(ticket), cancellationToken);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    /// <summary>
    /// Stores a renewed sign-in: a sliding expiry, or a refresh after the person changed their name or
    /// language. If the stored one carries another security stamp, it was rewritten after this request
    /// read it — a change of role (<see cref="StoredSignIns"/>) — and only its expiry is taken from here,
    /// so that a request in flight at that moment cannot put the old role back.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sessions = Sessions(scope);
        var stampType = identity.Value.ClaimsIdentity.SecurityStampClaimType;
        if (await sessions.FindAsync(key, cancellationToken) is { } bytes && TicketSerializer.Default.Deserialize(bytes) is { } stored
            && stored.Principal.FindFirstValue(stampType) is { } storedStamp && storedStamp != ticket.Principal.FindFirstValue(stampType))
        {
            ticket = new AuthenticationTicket(stored.Principal, ticket.Properties, ticket.AuthenticationScheme);
        }
        await sessions.RenewAsync(key, TicketSerializer.Default.Serialize(ticket), ExpiresUtc(ticket), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Sessions(scope).FindAsync(key, cancellationToken) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await Sessions(scope).EndAsync(key, cancellationToken);
    }

    private DateTime ExpiresUtc(AuthenticationTicket ticket) => (ticket.Properties.ExpiresUtc ?? clock.GetUtcNow() + DefaultLifetime).UtcDateTime;

    private static AuthSessions Sessions(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AuthSessions>();
}
