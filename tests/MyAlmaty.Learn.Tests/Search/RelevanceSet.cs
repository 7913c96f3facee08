using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>The groups of the relevance set; each has its own targets.</summary>
public enum RelevanceGroup
{
    /// <summary>Russian, spelled right.</summary>
    Russian,
    /// <summary>Kazakh in Cyrillic, with Kazakh letters or typed on a Russian keyboard without them.</summary>
    Kazakh,
    /// <summary>Kazakh in the Latin alphabet of 2021: each one the spelling of a query of <see cref="Kazakh"/>.</summary>
    KazakhLatin,
    /// <summary>Typos in either language: a letter swapped, missing, doubled or wrong.</summary>
    Misspelled,
}

/// <summary>An item a query must find in its first ten results.</summary>
public sealed record ExpectedItem(string ContentType, string Key)
{
    public override string ToString() => $"{ContentType}/{Key}";
}

/// <summary>What a newcomer types, and the items a careful editor expects among the first ten results.</summary>
public sealed record RelevanceQuery(RelevanceGroup Group, string Culture, string Text, IReadOnlyList<ExpectedItem> Expected)
{
    /// <summary>For a Latin-script query: the Cyrillic query it spells.</summary>
    public string? CyrillicTwin { get; init; }

    public override string ToString() => $"«{Text}» ({Culture})";
}

/// <summary>
/// The relevance set of site search. The expected items were chosen by reading the shipped
/// content, not by running the search: the glossary term that defines what was asked about, the
/// lesson that teaches it and, where it is a main subject, the session summary or the course.
/// A query names only the items that truly answer it; other results in the top ten do no harm.
/// </summary>
public static class RelevanceSet
{
    private static ExpectedItem Term(string key) => new(ContentTypeNames.GlossaryTerm, key);
    private static ExpectedItem Lesson(string key) => new(ContentTypeNames.Lesson, key);
    private static ExpectedItem Course(string key) => new(ContentTypeNames.Course, key);
    private static ExpectedItem Summary(string key) => new(ContentTypeNames.SessionSummary, key);
    private static ExpectedItem Page(string key) => new(ContentTypeNames.Page, key);

    // The items, by what they are about (the keys are the same in both languages).
    private static readonly ExpectedItem InitiativesTerm = Term("grassroots-civic-initiatives");
    private static readonly ExpectedItem InitiativesLesson = Lesson("grassroots-initiatives");
    private static readonly ExpectedItem ActivistTerm = Term("urban-activist");
    private static readonly ExpectedItem ActivistLesson = Lesson("urban-activist");
    private static readonly ExpectedItem SmartCityTerm = Term("smart-city");
    private static readonly ExpectedItem SmartCityLesson = Lesson("smart-city-concept");
    private static readonly ExpectedItem SmartCityCourse = Course("smart-city");
    private static readonly ExpectedItem GrassrootsCourse = Course("grassroots");
    private static readonly ExpectedItem CivicActivismTerm = Term("civic-activism");
    private static readonly ExpectedItem CivicActivismLesson = Lesson("civic-activism");
    private static readonly ExpectedItem CommunitiesTerm = Term("informal-urban-communities");
    private static readonly ExpectedItem CommunitiesLesson = Lesson("informal-communities");
    private static readonly ExpectedItem CleanupLesson = Lesson("from-cleanup-to-project");
    private static readonly ExpectedItem DigitalTerm = Term("digital-services");
    private static readonly ExpectedItem DigitalLesson = Lesson("digital-services");
    private static readonly ExpectedItem OpenDataTerm = Term("open-data");
    private static readonly ExpectedItem SustainableTerm = Term("sustainable-development");
    private static readonly ExpectedItem SystemsLesson = Lesson("sustainable-systems");
    private static readonly ExpectedItem DialogueTerm = Term("two-way-dialogue");
    private static readonly ExpectedItem DialogueLesson = Lesson("two-way-dialogue");
    private static readonly ExpectedItem CitizenTerm = Term("citizen");
    private static readonly ExpectedItem CivilSocietyTerm = Term("civil-society");
    private static readonly ExpectedItem ActiveResidentsLesson = Lesson("active-residents");
    private static readonly ExpectedItem IntroSummary = Summary("intro-session-grassroots");
    private static readonly ExpectedItem AboutPage = Page("about");

    private static RelevanceQuery Ru(string text, params ExpectedItem[] expected) => new(RelevanceGroup.Russian, "ru", text, expected);
    private static RelevanceQuery Kk(string text, params ExpectedItem[] expected) => new(RelevanceGroup.Kazakh, "kk", text, expected);
    private static RelevanceQuery RuTypo(string text, params ExpectedItem[] expected) => new(RelevanceGroup.Misspelled, "ru", text, expected);
    private static RelevanceQuery KkTypo(string text, params ExpectedItem[] expected) => new(RelevanceGroup.Misspelled, "kk", text, expected);

    public static readonly IReadOnlyList<RelevanceQuery> Russian =
    [
        // Grassroots initiatives: the word in its forms, alone and with «низовые».
        Ru("инициатив", InitiativesTerm, InitiativesLesson),
        Ru("инициативы", InitiativesTerm, InitiativesLesson),
        Ru("низовые инициативы", InitiativesTerm, InitiativesLesson, IntroSummary),
        Ru("низовых инициатив", InitiativesTerm, InitiativesLesson),
        Ru("низовая инициатива", InitiativesTerm, InitiativesLesson),
        Ru("детская площадка", InitiativesTerm, InitiativesLesson),
        Ru("Кок-Жайлау", InitiativesLesson, CivicActivismLesson),

        // The urban activist.
        Ru("городской активист", ActivistTerm, ActivistLesson),
        Ru("активисты", ActivistTerm, ActivistLesson),
        Ru("активистам", ActivistTerm, ActivistLesson),
        Ru("активистов", ActivistTerm, ActivistLesson),
        Ru("кто такие городские активисты", ActivistTerm, ActivistLesson),
        Ru("как стать активистом", ActivistTerm, ActivistLesson),

        // The smart city.
        Ru("умный город", SmartCityTerm, SmartCityLesson, SmartCityCourse),
        Ru("что такое умный город", SmartCityLesson, SmartCityTerm, SmartCityCourse),
        Ru("умного города", SmartCityTerm, SmartCityLesson),
        Ru("смарт-сити", SmartCityTerm),
        Ru("smart city", SmartCityTerm),
        Ru("концепция умный город 2015", SmartCityTerm, SmartCityLesson),
        Ru("курс умный город", SmartCityCourse),

        // Civic activism and the citizen.
        Ru("гражданский активизм", CivicActivismTerm, CivicActivismLesson),
        Ru("гражданскому активизму", CivicActivismTerm, CivicActivismLesson),
        Ru("чем гражданский активизм отличается от городского", CivicActivismLesson, GrassrootsCourse),
        Ru("протест", CivicActivismLesson, CivicActivismTerm),
        Ru("волонтёры", CivicActivismLesson),
        Ru("гражданин", CitizenTerm, CivicActivismLesson),
        Ru("права и обязанности гражданина", CitizenTerm, CivicActivismLesson),
        Ru("гражданское общество", CivilSocietyTerm),

        // Informal communities, and the clean-up that becomes a project.
        Ru("неформальные сообщества", CommunitiesTerm, CommunitiesLesson),
        Ru("неформальное городское сообщество", CommunitiesTerm, CommunitiesLesson),
        Ru("сообщество соседей", CommunitiesLesson),
        Ru("субботник во дворе", CleanupLesson),
        Ru("как субботник становится проектом", CleanupLesson),

        // Digital services and open data.
        Ru("цифровые услуги", DigitalTerm, DigitalLesson),
        Ru("электронные услуги", DigitalTerm, DigitalLesson),
        Ru("ЦИФРОВЫЕ СЕРВИСЫ", DigitalLesson),
        Ru("eGov", DigitalLesson, DigitalTerm),
        Ru("оплата проезда", DigitalLesson),
        Ru("открытые данные", OpenDataTerm, DigitalLesson),
        Ru("открытых данных", OpenDataTerm),

        // Sustainable systems.
        Ru("устойчивое развитие", SustainableTerm, SystemsLesson),
        Ru("устойчивого развития", SustainableTerm, SystemsLesson),
        Ru("смог в Алматы", SystemsLesson, SustainableTerm),
        Ru("сортировка мусора", SystemsLesson),
        Ru("раздельный сбор отходов", SystemsLesson, SustainableTerm),

        // The dialogue of residents and the akimat.
        Ru("двусторонний диалог", DialogueTerm, DialogueLesson),
        Ru("диалог с акиматом", DialogueLesson, DialogueTerm),
        Ru("как написать обращение в акимат", DialogueLesson),
        Ru("публичные слушания", DialogueLesson, DialogueTerm),
        Ru("инициативный бюджет", DialogueLesson),

        // Active residents.
        Ru("активные горожане", ActiveResidentsLesson),
        Ru("главный актив умного города", ActiveResidentsLesson, SmartCityTerm),
        Ru("что может сделать каждый житель", ActiveResidentsLesson),

        // The site itself.
        Ru("о программе МыАлматы", AboutPage),
        Ru("итоги сессии", IntroSummary),
    ];

    public static readonly IReadOnlyList<RelevanceQuery> Kazakh =
    [
        // Төменнен көтерілген бастамалар.
        Kk("бастамалар", InitiativesTerm, InitiativesLesson),
        Kk("бастама", InitiativesTerm, InitiativesLesson),
        Kk("бастамаларды", InitiativesTerm, InitiativesLesson),
        Kk("төменнен көтерілген бастамалар", InitiativesTerm, InitiativesLesson, IntroSummary),
        Kk("азаматтық бастамалар", InitiativesTerm, InitiativesLesson),
        Kk("балалар алаңы", InitiativesTerm, InitiativesLesson),
        Kk("Көкжайлау", InitiativesLesson, CivicActivismLesson),

        // Қалалық белсенді.
        Kk("қалалық белсенді", ActivistTerm, ActivistLesson),
        Kk("белсенділер", ActivistTerm, ActivistLesson),
        Kk("қалалық белсенділерге", ActivistTerm, ActivistLesson),
        Kk("қалалық белсенді кім", ActivistLesson, ActivistTerm),

        // Азаматтық белсенділік, азамат.
        Kk("азаматтық белсенділік", CivicActivismTerm, CivicActivismLesson),
        Kk("азаматтык белсендилик", CivicActivismTerm, CivicActivismLesson),
        Kk("азаматтық белсенділік дегеніміз не", CivicActivismLesson, CivicActivismTerm),
        Kk("наразылық", CivicActivismLesson, CivicActivismTerm),
        Kk("еріктілер", CivicActivismLesson),
        Kk("азамат", CitizenTerm, CivicActivismLesson),
        Kk("азамат деген кім", CitizenTerm, CivicActivismLesson),
        Kk("құқықтар мен міндеттер", CitizenTerm, CivicActivismLesson),
        Kk("азаматтық қоғам", CivilSocietyTerm),

        // Ақылды қала.
        Kk("ақылды қала", SmartCityTerm, SmartCityLesson, SmartCityCourse),
        Kk("акылды кала", SmartCityTerm, SmartCityLesson, SmartCityCourse),
        Kk("ақылды қала дегеніміз не", SmartCityLesson, SmartCityTerm, SmartCityCourse),
        Kk("ақылды қаланың", SmartCityTerm, SmartCityLesson),
        Kk("ақылды қалада", SmartCityTerm, SmartCityLesson),

        // Бейресми қауымдастықтар, сенбілік.
        Kk("бейресми қауымдастық деген не", CommunitiesTerm, CommunitiesLesson),
        Kk("бейресми қауымдастықтар", CommunitiesTerm, CommunitiesLesson),
        Kk("қауымдастықтарға", CommunitiesTerm, CommunitiesLesson),
        Kk("сенбілік", CleanupLesson),
        Kk("сенбилик", CleanupLesson),
        Kk("сенбілік қалай жобаға айналады", CleanupLesson),

        // Цифрлық қызметтер, ашық деректер.
        Kk("цифрлық қызметтер", DigitalTerm, DigitalLesson),
        Kk("электрондық қызметтер", DigitalTerm, DigitalLesson),
        Kk("цифрлык кызмет", DigitalTerm, DigitalLesson),
        Kk("Onay картасы", DigitalLesson),
        Kk("ашық деректер", OpenDataTerm, DigitalLesson),
        Kk("ашык деректер", OpenDataTerm, DigitalLesson),

        // Тұрақты даму, қалалық жүйелер.
        Kk("тұрақты даму", SustainableTerm, SystemsLesson),
        Kk("туракты даму", SustainableTerm, SystemsLesson),
        Kk("қысқы смог", SystemsLesson),
        Kk("қоқысты сұрыптау", SystemsLesson),

        // Екіжақты диалог.
        Kk("екіжақты диалог", DialogueTerm, DialogueLesson),
        Kk("екижакты диалог", DialogueTerm, DialogueLesson),
        Kk("әкімдікке өтініш", DialogueLesson),
        Kk("өтінішті қалай жазу керек", DialogueLesson),
        Kk("қоғамдық тыңдаулар", DialogueLesson, DialogueTerm),

        // Белсенді тұрғындар.
        Kk("белсенді тұрғындар", ActiveResidentsLesson),
        Kk("ақылды қаланың басты байлығы", ActiveResidentsLesson, SmartCityTerm),

        // The site itself.
        Kk("МыАлматы бағдарламасы туралы", AboutPage),
        Kk("таныстыру сессиясы", IntroSummary),
    ];

    /// <summary>Ten Kazakh queries in the Latin alphabet of 2021, each expecting what its Cyrillic twin expects.</summary>
    public static readonly IReadOnlyList<RelevanceQuery> KazakhLatin =
    [
        Latin("aqyldy qala", "ақылды қала"),
        Latin("azamattyq belsendılık", "азаматтық белсенділік"),
        Latin("qalalyq belsendı", "қалалық белсенді"),
        Latin("beiresmi qauymdastyqtar", "бейресми қауымдастықтар"),
        Latin("tsifrlyq qyzmetter", "цифрлық қызметтер"),
        Latin("tūraqty damu", "тұрақты даму"),
        Latin("ekıjaqty dialog", "екіжақты диалог"),
        Latin("tömennen köterılgen bastamalar", "төменнен көтерілген бастамалар"),
        Latin("äkımdıkke ötınış", "әкімдікке өтініш"),
        Latin("qoğamdyq tyñdaular", "қоғамдық тыңдаулар"),
    ];

    public static readonly IReadOnlyList<RelevanceQuery> Misspelled =
    [
        RuTypo("инициытива", InitiativesTerm, InitiativesLesson),
        RuTypo("активсты", ActivistTerm, ActivistLesson),
        RuTypo("граждансикй активизм", CivicActivismTerm, CivicActivismLesson),
        RuTypo("умный горд", SmartCityTerm, SmartCityLesson, SmartCityCourse),
        RuTypo("устойчевое развитие", SustainableTerm, SystemsLesson),
        RuTypo("двусторонний диалг", DialogueTerm, DialogueLesson),
        KkTypo("бастамлар", InitiativesTerm, InitiativesLesson),
        KkTypo("ақылдв қала", SmartCityTerm, SmartCityLesson, SmartCityCourse),
        KkTypo("бейрессми қауымдастық", CommunitiesTerm, CommunitiesLesson),
        // «белсенділік» on a Russian keyboard is «белсендилик»; «е» for «і» is a wrong letter on top of that.
        KkTypo("азаматтык белсенделик", CivicActivismTerm, CivicActivismLesson),
        KkTypo("екижакты диолог", DialogueTerm, DialogueLesson),
        KkTypo("сенбілк", CleanupLesson),
    ];

    public static IReadOnlyList<RelevanceQuery> Of(RelevanceGroup group) => group switch
    {
        RelevanceGroup.Russian => Russian,
        RelevanceGroup.Kazakh => Kazakh,
        RelevanceGroup.KazakhLatin => KazakhLatin,
        RelevanceGroup.Misspelled => Misspelled,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    public static IEnumerable<RelevanceQuery> All => Russian.Concat(Kazakh).Concat(KazakhLatin).Concat(Misspelled);

    private static RelevanceQuery Latin(string text, string cyrillic)
    {
        var twin = Kazakh.SingleOrDefault(q => q.Text == cyrillic)
            ?? throw new InvalidOperationException($"The Latin query «{text}» spells «{cyrillic}», which is not a Kazakh query of the set.");
        return new RelevanceQuery(RelevanceGroup.KazakhLatin, "kk", text, twin.Expected) { CyrillicTwin = cyrillic };
    }
}
