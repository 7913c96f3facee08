namespace MyAlmaty.Learn.Localization;

/// <summary>
/// Kazakh typed without Kazakh letters: on a Russian keyboard (common on phones) «қала» becomes
/// «кала», «әлеумет» «алеумет». Folding both the text and what was typed makes them meet.
/// </summary>
public static class KazakhKeyboard
{
    /// <summary>The letter typed in place of <paramref name="c"/> (lower case); other letters are returned as they are.</summary>
    public static char Fold(char c) => c switch
    {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' or 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        // Not Kazakh letters, but typed the same way: Latin "i" stands for both и and й.
        'й' => 'и',
        'ё' => 'е',
        _ => c,
    };
}
