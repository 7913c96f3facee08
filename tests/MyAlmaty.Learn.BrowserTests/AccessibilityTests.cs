using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using MyAlmaty.Learn.BrowserTests.Support;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>axe-core on the pages a reader meets: no serious or critical violation anywhere.</summary>
public sealed class AccessibilityTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    [Theory]
    [InlineData("/ru/")]
    [InlineData("/kk/")]
    [InlineData("/ru/courses/smart-city")]
    [InlineData("/ru/courses/smart-city/digital-services")]
    [InlineData("/kk/courses/smart-city/digital-services")]
    [InlineData("/ru/glossary")]
    [InlineData("/ru/glossary/civic-activism")]
    [InlineData("/ru/summaries/intro-session-grassroots")]
    [InlineData("/kk/summaries/intro-session-grassroots")]
    [InlineData("/ru/workshops")]
    [InlineData("/kk/workshops")]
    public async Task A_page_has_no_serious_or_critical_accessibility_violations(string path)
    {
        var context = await site.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await BrowserSite.OpenAsync(page, path);

        var result = await page.RunAxe();

        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {path}");
        var blocking = result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe(path, blocking));
    }

    private static string Describe(string path, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{violations.Count} serious or critical axe-core violation(s) on {path}:");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    {node.Target}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                var reason = string.Join("; ", checks.Distinct());
                if (reason.Length > 0) text.Append("  — ").Append(PageFacts.Normalize(reason));
            }
        }
        return text.ToString();
    }
}
