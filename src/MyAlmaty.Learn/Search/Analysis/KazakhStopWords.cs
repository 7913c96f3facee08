using Lucene.Net.Analysis.Util;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>Kazakh words too common to search by: conjunctions, particles, pronouns, postpositions.</summary>
public static class KazakhStopWords
{
    private static readonly string[] Words =
    [
        "және", "мен", "бен", "пен", "да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "ғой", "ғана", "қана",
        "әрі", "не", "немесе", "бірақ", "алайда", "ал", "яғни", "сондықтан", "себебі", "өйткені", "егер", "онда",
        "бұл", "осы", "сол", "мына", "анау", "мынау", "ол", "олар", "біз", "сіз", "сен", "мен", "оның", "оны",
        "оған", "одан", "онымен", "бізді", "біздің", "сіздің", "өз", "өзі", "өзінің",
        // The same pronouns in their cases: the stemmer would cut them to stems that meet content words.
        "менің", "маған", "мені", "бізге", "бізден", "бізбен", "сізге", "сізді", "сізден", "сізбен",
        "олардың", "оларға", "оларды", "олардан", "олармен",
        "бұны", "мұны", "бұның", "мұның", "бұған", "мұған", "бұдан", "мұнан", "бұнда", "бұлар", "мыналар",
        "осының", "осыған", "осыны", "осында", "осыдан", "осымен", "осылар",
        "соның", "соған", "соны", "содан", "сонымен", "солар",
        "өзін", "өзіне", "өзінде", "өзінен", "өзімен", "өздері", "өздерінің", "өзім", "өзіміз", "өзіміздің",
        "үшін", "туралы", "арқылы", "бойынша", "сияқты", "дейін", "кейін", "бері", "соң", "қарай", "жөнінде",
        "бір", "әр", "әрбір", "барлық", "кейбір", "ешқандай", "кез", "бәрі",
        "екен", "еді", "емес", "деп", "деген", "болып", "бар", "жоқ", "тағы", "тек", "енді", "сонда", "мұнда",
        "қандай", "қалай", "неге", "қайда", "кім", "не", "нені", "өте", "ең",
        // Words of a question: «бейресми қауымдастық деген не?» is about the community, not about asking.
        "дегеніміз", "дегенді", "нелер", "неліктен", "қашан", "қанша",
    ];

    /// <summary>The words as the analyzer sees them: lower case, folded to Russian-keyboard letters.</summary>
    public static CharArraySet Create() =>
        new(SearchAnalyzers.Version, Words.Select(w => new string(w.Select(KazakhKeyboard.Fold).ToArray())).ToList(), ignoreCase: false);
}
