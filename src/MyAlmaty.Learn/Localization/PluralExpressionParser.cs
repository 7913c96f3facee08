using System.Globalization;

namespace MyAlmaty.Learn.Localization;

// Recursive descent over the C subset gettext allows, compiled straight into closures so a lookup
// costs a few delegate calls instead of a re-parse. One method per precedence level, loosest first.
internal sealed class PluralExpressionParser(string text)
{
    private int _position;

    public Func<long, long> ParseAll()
    {
        var expression = Conditional();
        SkipSpaces();
        if (_position < text.Length)
        {
            throw Error($"unexpected '{text[_position]}'");
        }

        return expression;
    }

    private Func<long, long> Conditional()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        var whenTrue = Conditional();
        Expect(":");
        var whenFalse = Conditional();
        return n => condition(n) != 0 ? whenTrue(n) : whenFalse(n);
    }

    private Func<long, long> Or()
    {
        var left = And();
        while (Accept("||"))
        {
            var (l, r) = (left, And());
            left = n => l(n) != 0 || r(n) != 0 ? 1 : 0;
        }

        return left;
    }

    private Func<long, long> And()
    {
        var left = Equality();
        while (Accept("&&"))
        {
            var (l, r) = (left, Equality());
            left = n => l(n) != 0 && r(n) != 0 ? 1 : 0;
        }

        return left;
    }

    private Func<long, long> Equality()
    {
        var left = Relational();
        while (true)
        {
            var (l, op) = (left, Accept("==") ? "==" : Accept("!=") ? "!=" : null);
            if (op is null)
            {
                return left;
            }

            var r = Relational();
            left = op == "==" ? n => l(n) == r(n) ? 1 : 0 : n => l(n) != r(n) ? 1 : 0;
        }
    }

    private Func<long, long> Relational()
    {
        var left = Additive();
        while (true)
        {
            // Two-character operators first, so "<=" is not read as "<" followed by "=".
            var (l, op) = (left, Accept("<=") ? "<=" : Accept(">=") ? ">=" : Accept("<") ? "<" : Accept(">") ? ">" : null);
            if (op is null)
            {
                return left;
            }

            var r = Additive();
            left = op switch
            {
                "<=" => n => l(n) <= r(n) ? 1 : 0,
                ">=" => n => l(n) >= r(n) ? 1 : 0,
                "<" => n => l(n) < r(n) ? 1 : 0,
                _ => n => l(n) > r(n) ? 1 : 0,
            };
        }
    }

    private Func<long, long> Additive()
    {
        var left = Multiplicative();
        while (true)
        {
            var (l, op) = (left, Accept("+") ? "+" : Accept("-") ? "-" : null);
            if (op is null)
            {
                return left;
            }

            var r = Multiplicative();
            left = op == "+" ? n => l(n) + r(n) : n => l(n) - r(n);
        }
    }

    private Func<long, long> Multiplicative()
    {
        var left = Not();
        while (true)
        {
            var (l, op) = (left, Accept("*") ? "*" : Accept("/") ? "/" : Accept("%") ? "%" : null);
            if (op is null)
            {
                return left;
            }

            var r = Not();
            left = op switch
            {
                "*" => n => l(n) * r(n),
                "/" => n => l(n) / r(n),
                _ => n => l(n) % r(n),
            };
        }
    }

    private Func<long, long> Not()
    {
        if (!Accept("!"))
        {
            return Primary();
        }

        var operand = Not();
        return n => operand(n) == 0 ? 1 : 0;
    }

    private Func<long, long> Primary()
    {
        SkipSpaces();
        if (Accept("("))
        {
            var inner = Conditional();
            Expect(")");
            return inner;
        }

        var start = _position;
        while (_position < text.Length && char.IsAsciiLetterOrDigit(text[_position]))
        {
            _position++;
        }

        var word = text[start.._position];
        if (word == "n")
        {
            return n => n;
        }

        if (word.Length > 0 && long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return _ => number;
        }

        _position = start;
        throw Error(word.Length > 0
            ? $"unknown name or number '{word}' (only n and whole numbers are allowed)"
            : start < text.Length ? $"expected n, a number or '(' but found '{text[start]}'" : "expression ends too early");
    }

    private bool Accept(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Error(_position < text.Length ? $"expected '{token}' but found '{text[_position]}'" : $"expected '{token}' but the expression ends");
        }
    }

    private void SkipSpaces()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private PoFormatException Error(string problem) =>
        new($"Plural-Forms: {problem} at position {_position + 1} of plural={text}");
}
