using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>
/// The mail feature over a SQLite file in a temporary folder, its schema made from the model
/// (not the migrations, which are regenerated when features merge). Two instances over the same
/// folder are two nodes sharing one database.
/// </summary>
public sealed class MailServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempFolder? _ownedFolder;

    private MailServices(ServiceProvider provider, string folder, TempFolder? ownedFolder, MailOptions options, TestClock clock)
    {
        _provider = provider;
        _ownedFolder = ownedFolder;
        Folder = folder;
        Options = options;
        Clock = clock;
    }

    public string Folder { get; }
    public MailOptions Options { get; }
    public TestClock Clock { get; }
    public IServiceProvider Services => _provider;
    public OutboxSender Sender => _provider.GetRequiredService<OutboxSender>();
    public string PickupDirectory => _provider.GetRequiredService<MailTransportFactory>().PickupDirectory;

    /// <param name="sharedFolder">Another instance's folder, to share its database; otherwise a new one.</param>
    public static async Task<MailServices> CreateAsync(MailOptions? options = null, string? sharedFolder = null, TestClock? clock = null)
    {
        var owned = sharedFolder is null ? new TempFolder() : null;
        var folder = sharedFolder ?? owned!.Path;
        options ??= new MailOptions();
        clock ??= new TestClock();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLearnData(new StorageOptions(), folder);
        services.AddMailFeature(options, folder);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            await db.Database.EnsureCreatedAsync();
            await db.Database.PrepareAsync();
        }
        return new MailServices(provider, folder, owned, options, clock);
    }

    public static MailOptions Smtp(int port, Action<MailOptions>? change = null)
    {
        var options = new MailOptions { Delivery = MailDelivery.Smtp, Smtp = { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None } };
        change?.Invoke(options);
        return options;
    }

    public static OutgoingMail Mail(string to = "aigerim@example.kz", string subject = "Семинар: бастамалар туралы") =>
        new(to, "Айгерім Сәрсенова", "kk", subject, "<p>Сәлеметсіз бе! Семинар <b>сенбіде</b>.</p>", "Сәлеметсіз бе! Семинар сенбіде.");

    /// <summary>Enqueues and saves, the way a feature writes mail together with its own change.</summary>
    public async Task<OutboxMessage> EnqueueAsync(OutgoingMail mail)
    {
        await using var scope = _provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var message = scope.ServiceProvider.GetRequiredService<IMailOutbox>().Enqueue(db, mail);
        await db.SaveChangesAsync();
        return message;
    }

    public async Task<T> WithDbAsync<T>(Func<LearnDbContext, IMailOutbox, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<LearnDbContext>(), scope.ServiceProvider.GetRequiredService<IMailOutbox>());
    }

    public Task<List<OutboxMessage>> RowsAsync() =>
        WithDbAsync((db, _) => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Runs <paramref name="work"/> with a service of the feature from a fresh scope, as a request would.</summary>
    public Task<T> WithAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull =>
        InScopeAsync(services => work(services.GetRequiredService<TService>()));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<OutboxMessage> RowAsync(long id) =>
        WithDbAsync((db, _) => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Starts the hosted background sender, as the web host does.</summary>
    public Task StartBackgroundAsync() => _provider.GetRequiredService<IHostedService>().StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _provider.GetServices<IHostedService>()) await hosted.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        _ownedFolder?.Dispose();
    }
}
