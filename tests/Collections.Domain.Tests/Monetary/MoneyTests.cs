using Collections.Domain.Monetary;

namespace Collections.Domain.Tests.Monetary;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("cny", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    public void Parse_KnownCode_HasIsoMinorUnits(string code, int minor)
    {
        var c = Currency.Parse(code);
        Assert.Equal(code.ToUpperInvariant(), c.Code);
        Assert.Equal(minor, c.MinorUnits);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("EURO")]
    [InlineData("")]
    [InlineData("RMB")]
    public void TryParse_UnknownCode_False(string code) => Assert.False(Currency.TryParse(code, out _));

    [Fact]
    public void Add_SameCurrency_Sums() =>
        Assert.Equal(new Money(30.25m, Fixtures.Eur), new Money(10.10m, Fixtures.Eur) + new Money(20.15m, Fixtures.Eur));

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Money(1m, Fixtures.Eur) + new Money(1m, Fixtures.Usd));
        Assert.Contains("EUR", ex.Message, StringComparison.Ordinal);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EUR", "18250.4", "18250.40")]
    [InlineData("JPY", "1234.5", "1235")]
    [InlineData("KWD", "1.2345", "1.235")]
    [InlineData("EUR", "-0.005", "-0.01")]
    public void ToInvariantString_RoundsToMinorUnitAwayFromZero(string code, string amount, string expected) =>
        Assert.Equal(expected, new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.Parse(code)).ToInvariantString());

    [Fact]
    public void Amounts_AreExactDecimals_NoFloatingPointDrift()
    {
        var total = Money.Zero(Fixtures.Eur);
        for (var i = 0; i < 10; i++)
        {
            total += new Money(0.1m, Fixtures.Eur);
        }

        Assert.Equal(1.0m, total.Amount);
    }
}
