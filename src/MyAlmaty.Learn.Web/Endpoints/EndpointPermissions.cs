using Microsoft.AspNetCore.Authorization;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>
/// An endpoint says which permission it needs where it is mapped, and ASP.NET Core's authorization
/// enforces it before the handler runs: a visitor who is not signed in is sent to sign in, a signed-in
/// person without the permission gets the themed 403 (both in <see cref="Hosting.AccountServices"/>).
/// The requirement stays on the endpoint as metadata, so a test can list every protected endpoint.
/// </summary>
public static class EndpointPermissions
{
    /// <summary>Requires the permission for the endpoint, or for every endpoint of a group; several declarations all apply.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permission) where TBuilder : IEndpointConventionBuilder
    {
        var requirement = new PermissionRequirement(permission);
        var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(requirement).Build();
        return builder.WithMetadata(requirement).RequireAuthorization(policy);
    }
}

/// <summary>The permission an endpoint needs: its metadata and its authorization requirement at once.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Meets a <see cref="PermissionRequirement"/> when one of the person's roles holds the permission.</summary>
public sealed class PermissionHandler(PermissionGrants grants) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (grants.Has(context.User, requirement.Permission)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
