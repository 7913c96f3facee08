using System.Text.RegularExpressions;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// No handler checks a role itself: access follows from the permission an endpoint declares and the
/// grant table, both in one place. The roles are named only where accounts and grants are kept.
/// </summary>
public sealed partial class RoleChecksInSourceTests
{
    /// <summary>Where roles are kept: accounts, role seeding and the grant table.</summary>
    private static readonly string UsersFolder = Path.Combine("src", "MyAlmaty.Learn", "Users") + Path.DirectorySeparatorChar;

    /// <summary>Files that name a role for something other than access, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [Path.Combine("src", "MyAlmaty.Learn.Web", "Cli", "SiteCommands.cs")] = "the role a new account is created with",
        [Path.Combine("src", "MyAlmaty.Learn.Web", "Admin", "AdminPeopleEndpoints.cs")] = "the roles an administrator may give people (who may use the page is its declared permission)",
        [Path.Combine("src", "MyAlmaty.Learn", "Workshops", "WorkshopPermissions.cs")] = "the workshops feature's grant table: which roles hold the permissions it defines",
    };

    [GeneratedRegex(@"IsInRole(Async)?\s*\(|RequireRole\s*\(|\bRoles\s*=\s*""|ClaimTypes\.Role\b|RoleClaimType\b")]
    private static partial Regex RoleCheck();

    [GeneratedRegex(@"\bRoleNames\s*\.")]
    private static partial Regex RoleName();

    [Fact]
    public void No_code_outside_the_users_feature_checks_or_names_a_role()
    {
        var found = new List<string>();
        var walked = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, file);
            if (relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("obj") || parts.Contains("bin"))) continue;
            walked++;
            if (relative.StartsWith(UsersFolder, StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (RoleCheck().IsMatch(lines[i]) || RoleName().IsMatch(lines[i]) && !Allowed.ContainsKey(relative))
                {
                    found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(walked > 100, $"only {walked} source files found");
        Assert.True(found.Count == 0, "declare a permission with RequirePermission(…) instead, or ask PermissionGrants to show a link:\n" + string.Join("\n", found));
    }
}
