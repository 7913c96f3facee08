using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public class PluralFormulaTests
{
    private const string Russian =
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";

    private const string Kazakh = "nplurals=2; plural=(n!=1);";

    [Theory]
    [InlineData(0, 2)]    // 0 уроков
    [InlineData(1, 0)]    // 1 урок
    [InlineData(2, 1)]    // 2 урока
    [InlineData(4, 1)]    // 4 урока
    [InlineData(5, 2)]    // 5 уроков
    [InlineData(11, 2)]   // 11 уроков
    [InlineData(12, 2)]   // 12 уроков
    [InlineData(14, 2)]   // 14 уроков
    [InlineData(21, 0)]   // 21 урок
    [InlineData(22, 1)]   // 22 урока
    [InlineData(25, 2)]   // 25 уроков
    [InlineData(101, 0)]  // 101 урок
    [InlineData(111, 2)]  // 111 уроков
    [InlineData(1000, 2)] // 1000 уроков
    public void Russian_counts_take_one_of_three_forms(long n, int form)
    {
        var formula = PluralFormula.Parse(Russian);

        Assert.Equal(3, formula.NPlurals);
        Assert.Equal(form, formula.Evaluate(n));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void Kazakh_counts_take_one_of_two_forms(long n, int form)
    {
        var formula = PluralFormula.Parse(Kazakh);

        Assert.Equal(2, formula.NPlurals);
        Assert.Equal(form, formula.Evaluate(n));
    }

    [Fact]
    public void A_negative_count_agrees_like_its_magnitude() =>
        Assert.Equal(0, PluralFormula.Parse(Russian).Evaluate(-21));

    [Theory]
    [InlineData("nplurals=2; plural=1+2*3==7;", 1)]            // * before +
    [InlineData("nplurals=2; plural=10-4-3==3;", 1)]           // - is left-associative
    [InlineData("nplurals=2; plural=17/4%3==1;", 1)]           // / and % are left-associative
    [InlineData("nplurals=2; plural=1 || 1 && 0;", 1)]         // && before ||
    [InlineData("nplurals=2; plural=!1 + 1;", 1)]              // ! binds tightest
    [InlineData("nplurals=2; plural=2 < 3 == 1;", 1)]          // < before ==
    [InlineData("nplurals=3; plural=1 ? 2 : 0 ? 1 : 0;", 2)]   // ?: is right-associative
    [InlineData(" nplurals = 2 ;plural = ( n != 1 ) ", 1)]     // spaces anywhere
    public void Operators_follow_C_precedence(string pluralForms, int form) =>
        Assert.Equal(form, PluralFormula.Parse(pluralForms).Evaluate(5));

    [Fact]
    public void A_language_without_plurals_always_uses_the_one_form()
    {
        var formula = PluralFormula.Parse("nplurals=1; plural=0;");

        Assert.Equal(0, formula.Evaluate(1));
        Assert.Equal(0, formula.Evaluate(1_000_000));
    }

    [Theory]
    [InlineData("nplurals=2; plural=(n!=1;", "expected ')'")]
    [InlineData("nplurals=2; plural=n!=1);", "unexpected ')'")]
    [InlineData("nplurals=2; plural=n = 1;", "unexpected '='")]
    [InlineData("nplurals=2; plural=n & 1;", "unexpected '&'")]
    [InlineData("nplurals=2; plural=m!=1;", "unknown name or number 'm'")]
    [InlineData("nplurals=2; plural=n!=;", "expression ends too early")]
    [InlineData("nplurals=3; plural=n ? 1;", "expected ':'")]
    [InlineData("nplurals=two; plural=(n!=1);", "nplurals must be a positive whole number")]
    [InlineData("nplurals=0; plural=0;", "nplurals must be a positive whole number")]
    [InlineData("plural=(n!=1);", "needs both nplurals and plural")]
    [InlineData("nplurals=2;", "needs both nplurals and plural")]
    [InlineData("nplurals=2; plurals=(n!=1);", "found 'plurals=(n!=1)'")]
    [InlineData("nplurals=2; plural=n;", "gives 2 for n=2, but nplurals=2")]
    [InlineData("nplurals=2; plural=n%(n-3) == 0;", "divides by zero for n=3")]
    public void An_invalid_formula_is_rejected_with_the_reason(string pluralForms, string reason)
    {
        var error = Assert.Throws<PoFormatException>(() => PluralFormula.Parse(pluralForms));

        Assert.Contains(reason, error.Message);
        Assert.StartsWith("Plural-Forms:", error.Message);
    }

    [Fact]
    public void A_syntax_error_points_at_its_position_in_the_expression()
    {
        var error = Assert.Throws<PoFormatException>(() => PluralFormula.Parse("nplurals=2; plural=(n!=1;"));

        Assert.Equal("Plural-Forms: expected ')' but the expression ends at position 6 of plural=(n!=1", error.Message);
    }
}
