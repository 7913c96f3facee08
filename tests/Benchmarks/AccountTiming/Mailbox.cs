using System.Text.RegularExpressions;
using MimeKit;

namespace AccountTiming;

/// <summary>
/// The site's pickup folder: every .eml file is read once, and the account links in it kept by
/// recipient. The site moves each file in whole, so a file that is there can be read.
/// </summary>
public sealed partial class Mailbox(string folder)
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _links = new(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("""https?://[^\s"<>]+(/[a-z]{2}/account/(?:link|reset)/[A-Za-z0-9_\-]+(?:\?purpose=\w+)?)""")]
    private static partial Regex AccountLink();

    /// <summary>How many emails have arrived so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                Scan();
                return _read.Count;
            }
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) for an email to <paramref name="to"/> with a link that <paramref name="wanted"/> accepts; returns its path and query.</summary>
    public async Task<string> WaitForLinkAsync(string to, Func<string, bool> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_lock)
            {
                Scan();
                if (_links.TryGetValue(to, out var links) && links.FirstOrDefault(wanted) is { } link) return link;
            }
            if (DateTime.UtcNow > deadline) throw new BenchmarkException($"no email with the expected link reached {to} within {timeout.TotalSeconds:0} s");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> emails have arrived: the site's mail sender then has nothing left to do.</summary>
    public async Task WaitForCountAsync(int count, TimeSpan timeout, int poll = 50)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new BenchmarkException($"{Count} emails arrived, {count} expected, within {timeout.TotalSeconds:0} s");
            await Task.Delay(poll);
        }
    }

    private void Scan()
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            if (!_read.Add(file)) continue;
            var message = MimeMessage.Load(file);
            var text = message.TextBody ?? message.HtmlBody ?? "";
            foreach (var to in message.To.Mailboxes)
            {
                if (!_links.TryGetValue(to.Address, out var links)) _links[to.Address] = links = [];
                links.AddRange(AccountLink().Matches(text).Select(m => m.Groups[1].Value));
            }
        }
    }
}
