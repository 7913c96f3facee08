using System.Runtime.CompilerServices;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>Making a message keeps nothing of it: a sender that makes ten thousand keeps the memory of one.</summary>
public sealed class MimeMessageFactoryTests
{
    [Fact]
    public void A_message_made_and_dropped_is_collected_while_the_factory_makes_the_next_ones()
    {
        var factory = new MimeMessageFactory(new MailOptions());
        var first = MakeAndDrop(factory);
        for (var i = 0; i < 10; i++) factory.Create(Row(i));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(first.TryGetTarget(out _), "the factory keeps every message it made alive");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<MimeKit.MimeMessage> MakeAndDrop(MimeMessageFactory factory) => new(factory.Create(Row(-1)));

    private static OutboxMessage Row(int i) => new()
    {
        MessageId = $"m{i}@myalmaty.local", To = $"learner{i}@example.kz", ToName = $"Айгерім {i}", Culture = "kk",
        Subject = "Шақыру", HtmlBody = "<p>Сәлем!</p>", TextBody = "Сәлем!",
    };
}
