using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Search;

public sealed class KazakhLatinTests
{
    /// <summary>The letters with a Latin letter of their own in the alphabet of 2021 (и and х share theirs, see below).</summary>
    [Theory]
    [InlineData('а', "a", "A")]
    [InlineData('ә', "ä", "Ä")]
    [InlineData('б', "b", "B")]
    [InlineData('в', "v", "V")]
    [InlineData('г', "g", "G")]
    [InlineData('ғ', "ğ", "Ğ")]
    [InlineData('д', "d", "D")]
    [InlineData('е', "e", "E")]
    [InlineData('ж', "j", "J")]
    [InlineData('з', "z", "Z")]
    [InlineData('и', "i", "İ")]
    [InlineData('к', "k", "K")]
    [InlineData('қ', "q", "Q")]
    [InlineData('л', "l", "L")]
    [InlineData('м', "m", "M")]
    [InlineData('н', "n", "N")]
    [InlineData('ң', "ñ", "Ñ")]
    [InlineData('о', "o", "O")]
    [InlineData('ө', "ö", "Ö")]
    [InlineData('п', "p", "P")]
    [InlineData('р', "r", "R")]
    [InlineData('с', "s", "S")]
    [InlineData('т', "t", "T")]
    [InlineData('у', "u", "U")]
    [InlineData('ұ', "ū", "Ū")]
    [InlineData('ү', "ü", "Ü")]
    [InlineData('ф', "f", "F")]
    [InlineData('х', "h", "H")]
    [InlineData('ш', "ş", "Ş")]
    [InlineData('ы', "y", "Y")]
    [InlineData('і', "ı", "I")]
    public void Each_Kazakh_letter_is_written_with_its_2021_Latin_letter_and_read_back(char letter, string latin, string latinCapital)
    {
        var capital = char.ToUpperInvariant(letter);
        Assert.Equal(latin, KazakhLatin.ToLatin(letter.ToString()));
        Assert.Equal(latinCapital, KazakhLatin.ToLatin(capital.ToString()));
        // Reading back gives lower case: search and quiz answers compare lower-cased text.
        Assert.Equal(letter.ToString(), KazakhLatin.ToCyrillic(latin));
        Assert.Equal(letter.ToString(), KazakhLatin.ToCyrillic(latinCapital));
    }

    [Theory]
    [InlineData('й', "i", "İ", "и")]
    [InlineData('һ', "h", "H", "х")]
    [InlineData('э', "e", "E", "е")]
    public void Letters_that_share_a_Latin_letter_read_back_as_the_common_one(char letter, string latin, string latinCapital, string readBack)
    {
        Assert.Equal(latin, KazakhLatin.ToLatin(letter.ToString()));
        Assert.Equal(latinCapital, KazakhLatin.ToLatin(char.ToUpperInvariant(letter).ToString()));
        Assert.Equal(readBack, KazakhLatin.ToCyrillic(latin));
        Assert.Equal(readBack, KazakhLatin.ToCyrillic(latinCapital));
    }

    [Theory]
    [InlineData('ё', "io", "İo", "ио")]
    [InlineData('ц', "ts", "Ts", "тс")]
    [InlineData('ч', "ch", "Ch", "цх")]
    [InlineData('щ', "şş", "Şş", "шш")]
    [InlineData('ю', "iu", "İu", "иу")]
    [InlineData('я', "ia", "İa", "иа")]
    [InlineData('ъ', "", "", "")]
    [InlineData('ь', "", "", "")]
    public void Letters_outside_the_2021_alphabet_are_spelled_with_two_letters_or_none_and_read_back_letter_by_letter(
        char letter, string latin, string latinCapital, string readBack)
    {
        Assert.Equal(latin, KazakhLatin.ToLatin(letter.ToString()));
        Assert.Equal(latinCapital, KazakhLatin.ToLatin(char.ToUpperInvariant(letter).ToString()));
        Assert.Equal(readBack, KazakhLatin.ToCyrillic(latin));
    }

    [Fact]
    public void Ch_is_read_back_as_one_letter_only_with_digraphs() =>
        Assert.Equal("ч", KazakhLatin.ToCyrillic("ch", digraphs: true));

    [Theory]
    [InlineData("Ақылды қала — бұл тұрғындарға арналған қала.", "Aqyldy qala — būl tūrğyndarğa arnalğan qala.")]
    [InlineData("Қоғамдық бастамалар қаланы өзгертеді", "Qoğamdyq bastamalar qalany özgertedı")]
    [InlineData("Азаматтық белсенділік жергілікті қауымдастықтардан басталады", "Azamattyq belsendılık jergılıktı qauymdastyqtardan bastalady")]
    [InlineData("Ұлттық бағдарлама, 2026 жыл", "Ūlttyq bağdarlama, 2026 jyl")]
    public void A_sentence_is_written_in_Latin_and_read_back(string cyrillic, string latin)
    {
        Assert.Equal(latin, KazakhLatin.ToLatin(cyrillic));
        Assert.Equal(cyrillic.ToLowerInvariant(), KazakhLatin.ToCyrillic(latin));
    }

    [Fact]
    public void A_sentence_with_short_i_reads_back_with_plain_i() =>
        Assert.Equal("әкімдік пен тұрғындар бірге жұмыс істеиді", KazakhLatin.ToCyrillic(KazakhLatin.ToLatin("Әкімдік пен тұрғындар бірге жұмыс істейді")));

    [Theory]
    [InlineData("Шоқан", "Şoqan")]
    [InlineData("ЖОБА", "JOBA")]
    [InlineData("Чехов", "Chehov")]
    [InlineData("ЧЕХОВ", "CHEHOV")]
    [InlineData("Іле", "Ile")]
    [InlineData("Алматы", "Almaty")]
    [InlineData("Қазақстан", "Qazaqstan")]
    [InlineData("Өскемен", "Öskemen")]
    [InlineData("Ұлытау", "Ūlytau")]
    [InlineData("Үкімет", "Ükımet")]
    [InlineData("Ілияс", "Iliias")]
    [InlineData("Юлия", "İuliia")]
    [InlineData("Щучинск", "Şşuchinsk")]
    [InlineData("ЦОН", "TSON")]
    [InlineData("Ёлка", "İolka")]
    public void A_capital_stays_a_capital_and_a_word_in_capitals_stays_in_capitals(string cyrillic, string latin) =>
        Assert.Equal(latin, KazakhLatin.ToLatin(cyrillic));

    [Theory]
    [InlineData("Şoqan", "шоқан")]
    [InlineData("JOBA", "жоба")]
    [InlineData("Ile", "іле")]
    [InlineData("ÖSKEMEN", "өскемен")]
    public void Latin_capitals_read_back_as_lower_case_Cyrillic(string latin, string cyrillic) =>
        Assert.Equal(cyrillic, KazakhLatin.ToCyrillic(latin));

    [Theory]
    [InlineData("")]
    [InlineData("2026")]
    [InlineData("«…» — №5, 10:30!?")]
    [InlineData("Smart City")]
    public void Text_without_Cyrillic_letters_is_left_as_it_is(string text) => Assert.Equal(text, KazakhLatin.ToLatin(text));

    [Fact]
    public void Digits_punctuation_and_Latin_words_inside_Cyrillic_text_are_left_as_they_are() =>
        Assert.Equal("Smart City: 2026 jyl, № 5 — «Aqyldy qala»!", KazakhLatin.ToLatin("Smart City: 2026 жыл, № 5 — «Ақылды қала»!"));

    [Theory]
    [InlineData("2026, № 5 — «…»!")]
    [InlineData("қала")]
    [InlineData("Қала 2026")]
    public void Reading_back_leaves_digits_punctuation_and_Cyrillic_letters_alone(string text) =>
        Assert.Equal(text.ToLowerInvariant(), KazakhLatin.ToCyrillic(text));

    [Theory]
    [InlineData("ashana", "асхана", "ашана")]
    [InlineData("Ashana", "асхана", "ашана")]
    [InlineData("shahar", "схахар", "шахар")]
    [InlineData("zhol", "зхол", "жол")]
    [InlineData("chempion", "цхемпион", "чемпион")]
    [InlineData("Chehov", "цхехов", "чехов")]
    [InlineData("şahar", "шахар", "шахар")]
    public void Sh_ch_zh_are_two_letters_unless_digraphs_are_asked_for(string latin, string letterByLetter, string withDigraphs)
    {
        Assert.Equal(letterByLetter, KazakhLatin.ToCyrillic(latin));
        Assert.Equal(withDigraphs, KazakhLatin.ToCyrillic(latin, digraphs: true));
    }
}
