using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MyAlmaty.Learn.Mail;

namespace MailBench;

/// <summary>Personalised workshop invitations as a facilitator's campaign would enqueue them.</summary>
internal static class Invitations
{
    private static readonly string[] Names = ["Айгерім", "Болат", "Дана", "Ерлан", "Жанар", "Қанат", "Мадина", "Нұрлан", "Салтанат", "Тимур"];
    private static readonly string[] Surnames = ["Сәрсенова", "Ахметов", "Қасымова", "Жуматаев", "Омарова", "Серікбаев"];

    // About 2 KB each of HTML and text around the personal lines: with the calendar twice, ~4 KB of body.
    private static readonly string Paragraph = string.Concat(Enumerable.Repeat(
        "Семинар посвящён низовым инициативам: как собрать соседей, договориться с акиматом и довести дело до конца. ", 12));

    public static OutgoingMail For(int i)
    {
        var name = $"{Names[i % Names.Length]} {Surnames[i / Names.Length % Surnames.Length]}";
        var to = $"learner{i:D5}@example.kz";
        var start = new DateTime(2026, 12, 19, 5, 0, 0, DateTimeKind.Utc).AddDays(i % 3);
        var ics = Calendar(i, name, to, start);
        var html = $"<!doctype html><html lang=\"ru\"><body><h1>Приглашение на семинар</h1><p>Здравствуйте, {name}!</p>"
            + $"<p>{Paragraph}</p><p>Начало: {start:dd.MM.yyyy HH:mm} UTC. Ответьте «Да» или «Нет» в приглашении.</p>"
            + $"<p><a href=\"https://learn.myalmaty.kz/ru/workshops/grassroots/rsvp/{i:x8}\">Ответить</a></p></body></html>";
        var text = $"Здравствуйте, {name}!\n\n{Paragraph}\n\nНачало: {start:dd.MM.yyyy HH:mm} UTC.\n"
            + $"Ответить: https://learn.myalmaty.kz/ru/workshops/grassroots/rsvp/{i:x8}\n";
        return new OutgoingMail(to, name, "ru", "Приглашение: семинар о низовых инициативах", html, text)
        {
            MessageId = $"invitation-{i}-r1",
            Parts =
            [
                MailPart.Alternative("text/calendar; method=REQUEST; charset=UTF-8", ics),
                MailPart.Attachment("invite.ics", "application/ics", ics),
            ],
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<https://learn.myalmaty.kz/ru/unsubscribe/{i:x8}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    private static string Calendar(int i, string name, string to, DateTime start)
    {
        var calendar = new Calendar { ProductId = "-//МыАлматы.Learn//Workshops//RU", Method = "REQUEST" };
        var invitation = new CalendarEvent
        {
            Uid = $"workshop-grassroots-{i % 3}@myalmaty.learn",
            Sequence = 0,
            Summary = "Семинар: низовые инициативы",
            Location = "Алматы, ул. Абая 1",
            DtStart = new CalDateTime(start, "UTC"),
            DtEnd = new CalDateTime(start.AddHours(2), "UTC"),
            DtStamp = new CalDateTime(new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc), "UTC"),
            Organizer = new Organizer("mailto:noreply@myalmaty.local") { CommonName = "МыАлматы" },
        };
        invitation.Attendees.Add(new Attendee($"mailto:{to}") { CommonName = name, Rsvp = true, Role = "REQ-PARTICIPANT", ParticipationStatus = "NEEDS-ACTION" });
        calendar.Events.Add(invitation);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("empty calendar");
    }

    public static int SizeOf(OutgoingMail mail) =>
        Encoding.UTF8.GetByteCount(mail.Html) + Encoding.UTF8.GetByteCount(mail.Text) + mail.Parts.Sum(p => Encoding.UTF8.GetByteCount(p.Text ?? ""));
}
