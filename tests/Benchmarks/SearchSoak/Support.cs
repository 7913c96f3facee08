using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SearchSoak;

/// <summary>What went wrong, from any thread.</summary>
internal sealed class Failures
{
    private readonly ConcurrentQueue<string> _items = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IEnumerable<string> Items => _items;

    public void Add(string failure)
    {
        // Keep the first ones: a failure repeated a million times says no more than a hundred.
        if (Interlocked.Increment(ref _count) <= 100) _items.Enqueue(failure);
        if (_count <= 5) Console.Error.WriteLine($"FAILURE: {failure}");
    }
}

/// <summary>The site's log: errors fail the run (the indexer logs its failures and carries on), warnings are counted.</summary>
internal sealed class CountingLoggerProvider(Failures failures) : ILoggerProvider
{
    private int _errors;
    private int _warnings;

    public int Errors => _errors;
    public int Warnings => _warnings;
    public ConcurrentDictionary<string, int> WarningTexts { get; } = new();

    private Failures Failures { get; } = failures;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CountingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref owner._errors);
                owner.WarningTexts.TryAdd($"{logLevel} {category}: {formatter(state, exception)}", 0);
                owner.Failures.Add($"{logLevel} logged by {category}: {formatter(state, exception)} {exception}");
            }
            else if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref owner._warnings);
                owner.WarningTexts.TryAdd($"{category}: {formatter(state, exception)}", 0);
            }
        }
    }

}

/// <summary>What readers type: words and phrases of the courses in both languages and scripts, typos, stop words, syntax.</summary>
internal static class Queries
{
    private static readonly string[] Russian =
    [
        "город", "умный город", "активист", "городские активисты", "инициатива", "низовые инициативы", "субботник во дворе",
        "сообщество", "неформальные сообщества", "диалог", "двусторонний диалог жителей", "открытые данные", "цифровые услуги",
        "устойчивое развитие", "гражданское общество", "гражданин", "жители района", "петиция", "бюджет участия", "волонтеры",
        "инициытива", "актевист", "\"умный город\"", "что такое умный город", "и или но", "title:город", "город AND двор", "город*",
        "сертификат курса", "урок", "безопасность улиц", "велодорожки", "озеленение двора", "акимат", "",
    ];

    private static readonly string[] Kazakh =
    [
        "қала", "ақылды қала", "белсенді", "азаматтық белсенділік", "бастама", "төменнен бастамалар", "қауымдастық",
        "бейресми қауымдастықтар", "диалог", "ашық деректер", "цифрлық қызметтер", "тұрақты даму", "азаматтық қоғам",
        "тұрғындар", "ерікті", "aqyldy qala", "belsendı", "azamattyq qoğam", "акылды кала", "тургындар", "бастамаларымыздың",
        "қалалық", "\"ақылды қала\"", "және мен", "mektep", "сабақ", "өтінім", "әкімдік", "жоба", "ашык деректер", "",
    ];

    public static string Pick(string culture, Random random)
    {
        var words = culture == "ru" ? Russian : Kazakh;
        var text = words[random.Next(words.Length)];
        return random.Next(5) == 0 ? $"{text} {words[random.Next(words.Length)]}" : text;
    }
}
