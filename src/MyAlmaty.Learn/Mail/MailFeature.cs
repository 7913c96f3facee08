using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

public static class MailFeature
{
    /// <summary>
    /// The outbox, its pool of sending workers, the transport <paramref name="options"/> chooses,
    /// the suppression list and the delivery states. The pickup folder, the suppression key and the
    /// DKIM key are resolved against <paramref name="dataDirectory"/> unless absolute. Throws naming
    /// the setting when one is wrong.
    /// </summary>
    public static IServiceCollection AddMailFeature(this IServiceCollection services, MailOptions options, string dataDirectory)
    {
        if (options.Dkim.Enabled && !string.IsNullOrWhiteSpace(options.Dkim.PrivateKeyPath))
        {
            options.Dkim.PrivateKeyPath = Path.GetFullPath(Path.Combine(dataDirectory, options.Dkim.PrivateKeyPath));
        }
        options.Validate();
        var transports = new MailTransportFactory(options, Path.Combine(dataDirectory, options.PickupPath));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(transports);
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IMailOutbox>(sp => sp.GetRequiredService<MailOutbox>());
        services.AddSingleton<MimeMessageFactory>();
        services.AddSingleton(new MailSuppressionKey(Path.Combine(dataDirectory, options.SuppressionKeyPath)));
        services.AddScoped<MailSuppressions>();
        services.AddScoped<MailDeliveryStates>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new NewRowsInterceptor<OutboxMessage>(sp.GetRequiredService<OutboxSignal>()));
        services.ConfigureDbContext<LearnDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<NewRowsInterceptor<OutboxMessage>>()));
        services.AddSingleton(sp => new OutboxSender(
            sp.GetRequiredService<IServiceScopeFactory>(), transports, sp.GetRequiredService<MimeMessageFactory>(),
            sp.GetRequiredService<OutboxSignal>(), options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<OutboxSender>>()));
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddPersonalData<MailPersonalData>();
        return services;
    }
}
