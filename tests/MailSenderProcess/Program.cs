// The outbox's sending pool alone, in a process of its own, so that a test can kill it with SIGKILL
// in the middle of a run and start it again: the crash test of the mail feature.
//
//   dotnet MailSenderProcess.dll <data folder> <SMTP port> [claim seconds] [workers]
//
// It sends whatever is due in <data folder>/learn.db to 127.0.0.1:<port> until it is killed,
// and prints "sending" once its workers have started.
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;

if (args.Length < 2 || !int.TryParse(args[1], out var port))
{
    Console.Error.WriteLine("usage: MailSenderProcess <data folder> <SMTP port> [claim seconds] [workers]");
    return 2;
}
var options = new MailOptions
{
    Delivery = MailDelivery.Smtp,
    Smtp = { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None },
    ClaimDuration = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60),
    Workers = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null,
    PollInterval = TimeSpan.FromMilliseconds(200),
};
var services = new ServiceCollection();
services.AddLogging();
services.AddLearnData(new StorageOptions(), args[0]);
services.AddMailFeature(options, args[0]);
await using var provider = services.BuildServiceProvider();
var sender = provider.GetRequiredService<OutboxSender>();
await sender.StartAsync(CancellationToken.None);
Console.WriteLine("sending");
await Task.Delay(Timeout.Infinite);
return 0;
