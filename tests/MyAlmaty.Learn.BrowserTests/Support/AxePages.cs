using System.Text;
using Deque.AxeCore.Playwright;

namespace MyAlmaty.Learn.BrowserTests.Support;

/// <summary>axe-core over a list of pages: each serious or critical violation is written down with its page and language.</summary>
public static class AxePages
{
    public static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    public static async Task CheckAsync(IPage page, IEnumerable<string> paths, StringBuilder problems)
    {
        foreach (var path in paths.Distinct())
        {
            await BrowserSite.OpenAsync(page, path);
            var result = await page.RunAxe();
            if (result.Passes.Length == 0) problems.Append($"\naxe-core checked nothing on {path}");
            foreach (var violation in result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)))
            {
                problems.Append($"\n{path} ({await PageFacts.LangAsync(page)}): {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
            }
        }
    }
}
