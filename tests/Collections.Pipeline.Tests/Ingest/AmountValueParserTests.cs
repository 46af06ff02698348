using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>The amount parser: exact decimals (digits and scale), separators in proper groups, signs, overflow.</summary>
public sealed partial class AmountValueParserTests
{
    private static readonly ValueFormats European = new([], ',', '.');
    private static readonly ValueFormats Ungrouped = new([], '.', null);

    [Theory]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("(1,234.50)", "-1234.50")]
    [InlineData(" ( 12 ) ", "-12")]
    [InlineData("- 5", "-5")]
    [InlineData("+7.25", "7.25")]
    [InlineData("12,345", "12345")]
    [InlineData("1,234,567.891", "1234567.891")]
    [InlineData("000123", "123")]
    [InlineData("0", "0")]
    [InlineData("0.00", "0.00")]
    [InlineData("123456789012345678", "123456789012345678")]
    [InlineData("1234567890123456789", "1234567890123456789")]
    [InlineData("12345678901234567.89", "12345678901234567.89")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void TryParse_ValidAmount_ExactValueAndScale(string text, string expected)
    {
        Assert.True(AmountValueParser.TryParse(text, ValueFormats.Canonical, out var amount, out var error), error);
        Assert.Equal(expected, amount.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1,23", "misplaced thousands separator")]
    [InlineData("1234,567", "misplaced thousands separator")]
    [InlineData("1,234,56", "misplaced thousands separator")]
    [InlineData(",123", "misplaced thousands separator")]
    [InlineData(".5", "misplaced thousands separator")]
    [InlineData("5.", "malformed decimal part")]
    [InlineData("1.2.3", "malformed decimal part")]
    [InlineData("1,234.5,6", "malformed decimal part")]
    [InlineData("(-5)", "a sign inside parentheses is not allowed")]
    [InlineData("€5", "currency symbols and letters are not allowed in amounts")]
    [InlineData("1 000", "unexpected character ' ' in amount")]
    [InlineData("-", "not a number")]
    [InlineData("79228162514264337593543950336", "number out of range")]
    public void TryParse_InvalidAmount_FalseWithItsError(string text, string expected)
    {
        Assert.False(AmountValueParser.TryParse(text, ValueFormats.Canonical, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("1.234,50", "1234.50")]
    [InlineData("1,5", "1.5")]
    [InlineData("(12.345.678)", "-12345678")]
    public void TryParse_EuropeanProfile_ReadsItsSeparators(string text, string expected)
    {
        Assert.True(AmountValueParser.TryParse(text, European, out var amount, out var error), error);
        Assert.Equal(expected, amount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_NoThousandsSeparator_GroupedAmountRejected()
    {
        Assert.False(AmountValueParser.TryParse("1,234", Ungrouped, out _, out _));
        Assert.True(AmountValueParser.TryParse("1234.5", Ungrouped, out var amount, out _));
        Assert.Equal("1234.5", amount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_RandomTexts_AgreesWithTheGrammar()
    {
        var random = new Random(20261202);
        var checkedValid = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomAmount(random);
            var expectedOk = Reference(text, out var expected);
            var ok = AmountValueParser.TryParse(text, ValueFormats.Canonical, out var amount, out _);
            Assert.True(expectedOk == ok, $"'{text}': expected {(expectedOk ? "valid" : "invalid")}");
            if (ok)
            {
                checkedValid++;
                Assert.True(expected == amount && expected.Scale == amount.Scale, $"'{text}': {amount} instead of {expected}");
            }
        }

        Assert.InRange(checkedValid, 500, 20_000);
    }

    // Spaces, signs, parentheses, digits, separators: mostly amount-like, often slightly off.
    private static string RandomAmount(Random random)
    {
        var sb = new StringBuilder();
        var prefix = random.Next(8);
        if (prefix == 0)
        {
            sb.Append('(');
        }
        else if (prefix == 1)
        {
            sb.Append('-');
        }

        var digits = 0;
        var length = random.Next(1, 12);
        for (var k = 0; k < length && digits < 24; k++)
        {
            var pick = random.Next(20);
            if (pick < 14)
            {
                var run = random.Next(1, 5);
                for (var d = 0; d < run; d++, digits++)
                {
                    sb.Append((char)('0' + random.Next(10)));
                }
            }
            else
            {
                sb.Append(pick switch { < 17 => ',', < 19 => '.', _ => ' ' });
            }
        }

        if (prefix == 0 && random.Next(4) > 0)
        {
            sb.Append(')');
        }

        return sb.ToString();
    }

    private static bool Reference(string text, out decimal value)
    {
        value = 0m;
        var s = text.Trim();
        var negative = false;
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
            if (s.StartsWith('-') || s.StartsWith('+'))
            {
                return false;
            }
        }
        else if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..].TrimStart();
        }

        if (!Grammar().IsMatch(s))
        {
            return false;
        }

        value = decimal.Parse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        value = negative ? -value : value;
        return true;
    }

    [GeneratedRegex("^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]+)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Grammar();
}
