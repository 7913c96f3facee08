using System.Globalization;

namespace MyAlmaty.Learn.Localization;

public sealed class PluralFormula
{
    // Wide enough to reach every branch of the usual formulas (n%100 teens, n%1000 in some languages).
    private const int CheckedCounts = 1000;

    private readonly Func<long, long> _form;

    private PluralFormula(int nPlurals, string expression, Func<long, long> form)
    {
        NPlurals = nPlurals;
        Expression = expression;
        _form = form;
    }

    public int NPlurals { get; }

    public string Expression { get; }

    public static PluralFormula Parse(string pluralForms)
    {
        int? nPlurals = null;
        string? expression = null;
        foreach (var setting in pluralForms.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = setting.IndexOf('=');
            var name = equals < 0 ? setting : setting[..equals].Trim();
            var value = equals < 0 ? "" : setting[(equals + 1)..].Trim();
            switch (name)
            {
                case "nplurals" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0:
                    nPlurals = count;
                    break;
                case "nplurals":
                    throw new PoFormatException($"Plural-Forms: nplurals must be a positive whole number, not '{value}'");
                case "plural" when value.Length > 0:
                    expression = value;
                    break;
                default:
                    throw new PoFormatException($"Plural-Forms: expected 'nplurals=N; plural=EXPRESSION;', found '{setting}'");
            }
        }

        if (nPlurals is null || expression is null)
        {
            throw new PoFormatException(
                $"Plural-Forms: '{pluralForms}' needs both nplurals and plural, e.g. 'nplurals=2; plural=(n!=1);'");
        }

        var formula = new PluralFormula(nPlurals.Value, expression, new PluralExpressionParser(expression).ParseAll());
        formula.CheckRange();
        return formula;
    }

    public int Evaluate(long n)
    {
        // Grammatical number follows the magnitude: "-21 градус" agrees like "21 градус".
        var magnitude = n == long.MinValue ? long.MaxValue : Math.Abs(n);
        try
        {
            var form = _form(magnitude);
            return form >= 0 && form < NPlurals ? (int)form : 0;
        }
        catch (DivideByZeroException)
        {
            // Same recovery as gettext for a formula that misbehaves beyond the counts checked at load.
            return 0;
        }
    }

    public override string ToString() => $"nplurals={NPlurals}; plural={Expression};";

    private void CheckRange()
    {
        for (long n = 0; n <= CheckedCounts; n++)
        {
            long form;
            try
            {
                form = _form(n);
            }
            catch (DivideByZeroException)
            {
                throw new PoFormatException($"Plural-Forms: plural={Expression} divides by zero for n={n}");
            }

            if (form < 0 || form >= NPlurals)
            {
                throw new PoFormatException(
                    $"Plural-Forms: plural={Expression} gives {form} for n={n}, but nplurals={NPlurals} allows only 0..{NPlurals - 1}");
            }
        }
    }
}
