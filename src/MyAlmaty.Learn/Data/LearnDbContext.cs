using Microsoft.EntityFrameworkCore;

namespace MyAlmaty.Learn.Data;

/// <summary>
/// The one database of the application. Each feature contributes its tables through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its own folder; no feature queries
/// another feature's tables, it calls that feature's services.
/// </summary>
public sealed class LearnDbContext(DbContextOptions<LearnDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(LearnDbContext).Assembly);
}
