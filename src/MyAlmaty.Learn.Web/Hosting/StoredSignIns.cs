using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Rewrites each of a person's stored sign-ins (<see cref="DatabaseTicketStore"/>'s format) with a
/// principal made from the account as it is now, the way signing in makes one; the session's key,
/// expiry and persistence stay, so the person stays signed in with what they may do now. The account's
/// security stamp changes with the role, so a request of theirs that read the old sign-in and renews it
/// afterwards cannot put the old role back (<see cref="DatabaseTicketStore.RenewAsync(string, AuthenticationTicket, CancellationToken)"/>).
/// </summary>
public sealed class StoredSignIns(AuthSessions sessions, IUserClaimsPrincipalFactory<LearnUser> principals) : IStoredSignIns
{
    public async Task RefreshAsync(LearnUser user, CancellationToken cancellationToken = default)
    {
        var principal = await principals.CreateAsync(user);
        foreach (var (id, bytes) in await sessions.TicketsAsync(user.Id, cancellationToken))
        {
            if (TicketSerializer.Default.Deserialize(bytes) is not { } stored) continue;
            var ticket = new AuthenticationTicket(principal, stored.Properties, stored.AuthenticationScheme);
            await sessions.ReplaceTicketAsync(id, TicketSerializer.Default.Serialize(ticket), cancellationToken);
        }
    }
}
