using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MyAlmaty.Learn.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the site.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LearnDbContext>
{
    public LearnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LearnDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
