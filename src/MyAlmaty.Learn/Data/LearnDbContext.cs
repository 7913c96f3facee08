using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Data;

/// <summary>
/// The one database of the application. Each feature contributes its tables through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its own folder; no feature queries
/// another feature's tables, it calls that feature's services. ASP.NET Core Identity's tables
/// come from its base class.
/// </summary>
public sealed class LearnDbContext(DbContextOptions<LearnDbContext> options) : IdentityDbContext<LearnUser, IdentityRole, string>(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LearnDbContext).Assembly);
    }
}
