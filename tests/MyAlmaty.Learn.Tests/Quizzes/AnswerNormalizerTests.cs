using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class AnswerNormalizerTests
{
    private static bool Accepts(string accepted, string given) => AnswerNormalizer.Matches(given, [accepted]);

    [Theory]
    [InlineData("субботник", "СУББОТНИК")]
    [InlineData("субботник", "Субботник")]
    [InlineData("СУББОТНИК", "субботник")]
    [InlineData("қала", "ҚАЛА")]
    public void Case_does_not_matter(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("  субботник")]
    [InlineData("субботник   ")]
    [InlineData("\tсубботник\n")]
    [InlineData("\u00A0субботник\u00A0")]
    public void Spaces_around_the_answer_do_not_matter(string given) => Assert.True(Accepts("субботник", given));

    [Theory]
    [InlineData("«субботник»")]
    [InlineData("\"субботник\"")]
    [InlineData("субботник!")]
    [InlineData("субботник?")]
    [InlineData("субботник.")]
    [InlineData("„субботник“…")]
    [InlineData(" «Субботник!» ")]
    public void Punctuation_and_quotes_around_the_answer_do_not_matter(string given) => Assert.True(Accepts("субботник", given));

    [Theory]
    [InlineData("городской   активист")]
    [InlineData("городской\tактивист")]
    [InlineData("городской \n активист")]
    public void Runs_of_whitespace_inside_count_as_one_space(string given) => Assert.True(Accepts("городской активист", given));

    [Fact]
    public void Words_run_together_are_not_two_words() => Assert.False(Accepts("городской активист", "городскойактивист"));

    [Theory]
    [InlineData("ёлка", "елка")]
    [InlineData("елка", "ёлка")]
    [InlineData("Ёлка", "ЕЛКА")]
    public void Yo_and_ye_are_one_letter(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("қала", "qala")]
    [InlineData("әкімдік", "Äkimdik")]
    [InlineData("әкімдік", "äkimdik")]
    [InlineData("тағам", "tağam")]
    [InlineData("жаңа", "jaña")]
    [InlineData("өнер", "öner")]
    [InlineData("ұлы", "ūly")]
    [InlineData("үлкен", "ülken")]
    [InlineData("шаһар", "şahar")]
    [InlineData("білім", "bılım")]
    [InlineData("қызмет", "qyzmet")]
    [InlineData("кино", "kino")]
    public void Kazakh_in_the_Latin_alphabet_of_2021_is_the_Cyrillic_word(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("шаһар", "shahar")]
    [InlineData("жаңа", "zhaña")]
    [InlineData("чай", "chai")]
    public void The_informal_digraphs_sh_ch_zh_are_one_letter(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("асхана", "ashana")]
    [InlineData("асхана", "Ashana")]
    [InlineData("асхана", "asxana")]
    public void An_s_before_h_in_the_2021_spelling_is_still_two_letters(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("ы", "y")]
    [InlineData("і", "ı")]
    [InlineData("и", "i")]
    [InlineData("ғ", "ğ")]
    [InlineData("ң", "ñ")]
    [InlineData("ө", "ö")]
    [InlineData("ұ", "ū")]
    [InlineData("ү", "ü")]
    [InlineData("ш", "ş")]
    [InlineData("қ", "q")]
    public void Each_Latin_letter_of_2021_folds_like_its_Cyrillic_letter(string cyrillic, string latin) =>
        Assert.Equal(AnswerNormalizer.Fold(cyrillic), AnswerNormalizer.Fold(latin));

    [Fact]
    public void Y_is_not_i_in_Kazakh_Latin() => Assert.False(Accepts("қызмет", "qizmet"));

    [Theory]
    [InlineData("БİЛİМ", "білім")]
    [InlineData("BILIM", "білім")]
    [InlineData("İNİ", "іні")]
    [InlineData("ÄKİMDİK", "әкімдік")]
    public void Capital_dotted_and_dotless_I_fold_the_Turkish_way(string given, string accepted) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("I", "і")]
    [InlineData("İ", "и")]
    public void Capital_I_is_the_dotless_letter_and_capital_dotted_I_the_dotted_one(string latin, string cyrillic) =>
        Assert.Equal(AnswerNormalizer.Fold(cyrillic), AnswerNormalizer.Fold(latin));

    [Theory]
    [InlineData("әкімдік", "ákimdik")]
    [InlineData("өнер", "óner")]
    [InlineData("үлкен", "úlken")]
    [InlineData("бағдарлама", "baǵdarlama")]
    [InlineData("жаңа", "jańa")]
    [InlineData("жаңа", "JAŃA")]
    [InlineData("өнер", "o\u0301ner")]
    public void The_acute_letters_of_2018_are_the_Cyrillic_word(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("қала", "кала")]
    [InlineData("бағдарлама", "багдарлама")]
    [InlineData("жаңа", "жана")]
    [InlineData("өнер", "онер")]
    [InlineData("ұлы", "улы")]
    [InlineData("үлкен", "улкен")]
    [InlineData("әкім", "аким")]
    [InlineData("білім", "билим")]
    [InlineData("шаһар", "шахар")]
    [InlineData("кала", "қала")]
    public void Kazakh_letters_typed_as_their_Russian_look_alikes_are_accepted(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Theory]
    [InlineData("Көк-Төбе", "Көк—Төбе")]
    [InlineData("Көк-Төбе", "Көк–Төбе")]
    [InlineData("Көк—Төбе", "Көк-Төбе")]
    [InlineData("Көк–Төбе", "Көк—Төбе")]
    public void All_dashes_are_one_dash(string accepted, string given) => Assert.True(Accepts(accepted, given));

    [Fact]
    public void A_dash_is_not_a_space() => Assert.False(Accepts("Көк-Төбе", "Көк Төбе"));

    [Theory]
    [InlineData("субботник")]
    [InlineData("сенбілік")]
    [InlineData("senbilik")]
    public void Any_of_several_accepted_answers_is_accepted(string given) =>
        Assert.True(AnswerNormalizer.Matches(given, ["субботник", "сенбілік"]));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("«»")]
    [InlineData("—")]
    public void An_empty_or_punctuation_only_answer_never_matches_even_an_empty_accepted_answer(string given)
    {
        Assert.False(AnswerNormalizer.Matches(given, ["субботник"]));
        Assert.False(AnswerNormalizer.Matches(given, [given, "", "?!"]));
    }

    [Theory]
    [InlineData("субботник", "суббота")]
    [InlineData("субботник", "субботники")]
    [InlineData("субботник", "субботник субботник")]
    [InlineData("қала", "қара")]
    [InlineData("қала", "кола")]
    [InlineData("әкімдік", "әкім")]
    public void A_different_word_does_not_match(string accepted, string given) => Assert.False(Accepts(accepted, given));

    [Fact]
    public void No_accepted_answers_accept_nothing() => Assert.False(AnswerNormalizer.Matches("субботник", []));

    [Theory]
    [InlineData(" «Қала»! ", "кала")]
    [InlineData("ÄKİMDİK", "акимдик")]
    [InlineData("Ёлка  —  зелёная.", "елка - зеленая")]
    [InlineData("«»", "")]
    public void Fold_gives_the_plain_form(string answer, string folded) => Assert.Equal(folded, AnswerNormalizer.Fold(answer));
}
