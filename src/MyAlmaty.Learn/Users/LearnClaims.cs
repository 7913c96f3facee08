using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MyAlmaty.Learn.Users;

public static class LearnClaims
{
    public const string DisplayName = "display_name";
    public const string Culture = "preferred_culture";
}

/// <summary>Puts the name and language in the sign-in cookie, so pages need no database read to greet the person.</summary>
public sealed class LearnClaimsFactory(UserManager<LearnUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LearnUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LearnUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(LearnClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(LearnClaims.Culture, user.PreferredCulture));
        return identity;
    }
}
