using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// A feature's permissions and the roles that hold them (Orchard Core's <c>IPermissionProvider</c>
/// with its default stereotypes). A feature registers its own with <see cref="PermissionServiceCollectionExtensions.AddPermissions{TProvider}"/>.
/// </summary>
public interface IPermissionProvider
{
    /// <summary>The permissions this feature introduces; a name belongs to one feature only.</summary>
    IEnumerable<string> DefinedPermissions { get; }

    /// <summary>Which roles hold which permissions, this feature's or another's. The Administrator needs no grant.</summary>
    IEnumerable<RoleGrant> Grants { get; }
}

public sealed record RoleGrant(string Role, IReadOnlyList<string> Permissions);

/// <summary>
/// Every feature's permissions and grants, merged once at start: what each role holds, and
/// whether a signed-in person holds a permission through their roles. A grant naming a role or
/// a permission nobody defined stops the site from starting, so a misspelt name cannot quietly
/// lock people out or let them in.
/// </summary>
public sealed class PermissionGrants
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _byRole;

    public PermissionGrants(IEnumerable<IPermissionProvider> providers)
    {
        var providerList = providers.ToList();
        var defined = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in providerList.SelectMany(p => p.DefinedPermissions))
        {
            if (!defined.Add(name)) throw new InvalidOperationException($"The permission '{name}' is defined twice.");
        }
        var byRole = RoleNames.All.ToDictionary(r => r, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        byRole[RoleNames.Administrator].UnionWith(defined);
        foreach (var grant in providerList.SelectMany(p => p.Grants))
        {
            if (!byRole.TryGetValue(grant.Role, out var held)) throw new InvalidOperationException($"A grant names the unknown role '{grant.Role}'. Roles: {string.Join(", ", RoleNames.All)}.");
            foreach (var permission in grant.Permissions)
            {
                if (!defined.Contains(permission)) throw new InvalidOperationException($"The role '{grant.Role}' is granted '{permission}', which no feature defines.");
                held.Add(permission);
            }
        }
        All = [.. defined];
        _byRole = byRole.ToFrozenDictionary(r => r.Key, r => r.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>Every permission defined, in name order.</summary>
    public IReadOnlyList<string> All { get; }

    public bool IsDefined(string permission) => _byRole[RoleNames.Administrator].Contains(permission);

    /// <summary>What a role holds; nothing for a role the site does not know.</summary>
    public IReadOnlySet<string> Of(string role) => _byRole.TryGetValue(role, out var held) ? held : FrozenSet<string>.Empty;

    /// <summary>
    /// Whether a signed-in person holds the permission through one of the roles in their sign-in.
    /// Endpoints are protected by declaring the permission (RequirePermission); pages ask this only
    /// to decide which links to show.
    /// </summary>
    public bool Has(ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && _byRole.Any(r => r.Value.Contains(permission) && user.IsInRole(r.Key));
}

public static class PermissionServiceCollectionExtensions
{
    /// <summary>Adds a feature's permissions and grants to the site's table.</summary>
    public static IServiceCollection AddPermissions<TProvider>(this IServiceCollection services) where TProvider : class, IPermissionProvider
    {
        services.TryAddSingleton<PermissionGrants>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermissionProvider, TProvider>());
        return services;
    }
}
