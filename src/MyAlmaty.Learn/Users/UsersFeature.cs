using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

public static class UsersFeature
{
    public static IServiceCollection AddUsersFeature(this IServiceCollection services)
    {
        services.AddIdentityCore<LearnUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // The email is the user name, and addresses may hold characters Identity's default list lacks.
                o.User.AllowedUserNameCharacters = "";
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LearnDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<LearnClaimsFactory>();
        services.AddScoped<OneTimeLinks>();
        services.AddScoped<PasswordSignIns>();
        services.AddScoped<AuthSessions>();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<PersonalData>();
        services.AddScoped<People>();
        services.AddPersonalData<SignInPersonalData>();
        services.AddPermissions<SitePermissions>();
        return services;
    }
}

/// <summary>Makes sure the four roles exist.</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole> roles)
{
    public async Task SeedAsync()
    {
        foreach (var name in RoleNames.All)
        {
            if (!await roles.RoleExistsAsync(name)) await roles.CreateAsync(new IdentityRole(name));
        }
    }
}
