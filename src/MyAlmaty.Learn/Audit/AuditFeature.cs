using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Audit;

public static class AuditFeature
{
    /// <summary>The audit trail: its append-only table, the merged view with the content journal, and its part of personal data.</summary>
    public static IServiceCollection AddAuditFeature(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrailGuard>();
        services.ConfigureDbContext<LearnDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<AuditTrailGuard>()));
        services.AddScoped<AuditLog>();
        services.AddPersonalData<AuditPersonalData>();
        return services;
    }
}
