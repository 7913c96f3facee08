using System.Text.RegularExpressions;
using MimeKit;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>Reads the emails the site wrote to its pickup folder.</summary>
public static partial class Mailbox
{
    [GeneratedRegex(@"https?://[^\s""<>]+/account/(?:link|reset)/[A-Za-z0-9_\-]+(?:\?purpose=\w+)?")]
    private static partial Regex AccountLink();

    /// <summary>The emails to <paramref name="to"/>, waiting up to a few seconds for <paramref name="count"/> of them.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string folder, string to, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var messages = Read(folder, to);
            if (messages.Count >= count || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(50);
        }
    }

    public static IReadOnlyList<MimeMessage> Read(string folder, string to) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.eml")
                .Select(f => new FileInfo(f))
                .OrderBy(f => f.LastWriteTimeUtc)
                .Select(f => MimeMessage.Load(f.FullName))
                .Where(m => m.To.Mailboxes.Any(a => a.Address.Equals(to, StringComparison.OrdinalIgnoreCase)))
                .ToList()
            : [];

    /// <summary>The account link in the email, as a path on the site.</summary>
    public static string LinkIn(MimeMessage message)
    {
        var match = AccountLink().Match(message.TextBody ?? message.HtmlBody ?? "");
        Assert.True(match.Success, "the email carries no account link:\n" + message.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }
}
