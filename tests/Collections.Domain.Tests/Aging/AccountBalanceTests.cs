using Collections.Domain.Aging;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.Aging;

public sealed class AccountBalanceTests
{
    [Theory]
    [InlineData(0, "current", "green")]
    [InlineData(1, "1-30", "yellow")]
    [InlineData(30, "1-30", "yellow")]
    [InlineData(31, "31-60", "red")]
    [InlineData(60, "31-60", "red")]
    [InlineData(61, "61-90", "red")]
    [InlineData(90, "61-90", "red")]
    [InlineData(91, "90+", "red")]
    public void Compute_DaysPastDueBoundaries_BucketAndLight(int days, string bucket, string light)
    {
        var asOf = D("2026-11-20");
        var balance = AccountBalance.Compute([Inv("I1", asOf.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 100m)], asOf);

        Assert.Equal(days, balance.DaysOverdue);
        Assert.Equal(bucket, balance.Bucket.ToLabel());
        Assert.Equal(light, balance.Light.ToLabel());
    }

    [Fact]
    public void Compute_SpecExample_81DaysPastDue()
    {
        var balance = AccountBalance.Compute([Inv("I1", "2026-08-31", 10m)], D("2026-11-20"));
        Assert.Equal(81, balance.DaysOverdue);
        Assert.Equal(D("2026-08-31"), balance.OldestOverdueDueDate);
    }

    [Fact]
    public void Compute_ItemDueOnAsOf_IsNotOverdue()
    {
        var balance = AccountBalance.Compute([Inv("I1", "2026-11-20", 500m)], D("2026-11-20"));

        Assert.False(balance.HasOverdue);
        Assert.Equal(0, balance.DaysOverdue);
        Assert.Null(balance.OldestOverdueDueDate);
        Assert.Equal(D("2026-11-20"), balance.EarliestUpcomingDueDate);
        Assert.Equal(500m, balance.Balances.Single().Open);
    }

    [Fact]
    public void Compute_CreditOffsetsOverdueFirst()
    {
        // open = 1000 + 400 (not due) - 300 (credit) = 1100; overdue = max(0, 1000 - 300) = 700.
        var balance = AccountBalance.Compute(
            [Inv("I1", "2026-10-01", 1000m), Inv("I2", "2026-12-01", 400m), Credit("CN1", "2026-10-15", -300m)],
            D("2026-11-20"));

        var eur = balance.Balances.Single();
        Assert.Equal(1100m, eur.Open);
        Assert.Equal(700m, eur.Overdue);
        Assert.Equal(50, balance.DaysOverdue);
    }

    [Fact]
    public void Compute_CreditsExceedOverdue_OverdueZeroAndCurrent()
    {
        // overdue = max(0, 1000 - 1500) = 0: credits and unapplied cash cover the overdue debt.
        var balance = AccountBalance.Compute(
            [Inv("I1", "2026-10-01", 1000m), Credit("CASH", "2026-11-01", -1500m)],
            D("2026-11-20"));

        Assert.Equal(-500m, balance.Balances.Single().Open);
        Assert.Equal(0m, balance.Balances.Single().Overdue);
        Assert.Equal(0, balance.DaysOverdue);
        Assert.Equal("current", balance.Bucket.ToLabel());
        Assert.False(balance.HasDebt);
    }

    [Fact]
    public void Compute_DisputedItems_ExcludedFromOverdueAndAge()
    {
        // The oldest item is disputed, so the account's age comes from the next overdue one.
        var balance = AccountBalance.Compute(
            [Inv("OLD", "2026-06-01", 800m, disputed: true), Inv("I2", "2026-11-01", 200m)],
            D("2026-11-20"));

        var eur = balance.Balances.Single();
        Assert.Equal(1000m, eur.Open);
        Assert.Equal(200m, eur.Overdue);
        Assert.Equal(800m, eur.Disputed);
        Assert.Equal(19, balance.DaysOverdue);
    }

    [Fact]
    public void Compute_CaseLevelDisputes_ExcludedLikeLedgerFlags()
    {
        var balance = AccountBalance.Compute(
            [Inv("I1", "2026-10-01", 800m), Inv("I2", "2026-11-01", 200m)],
            D("2026-11-20"),
            new HashSet<string>(StringComparer.Ordinal) { "I1" });

        Assert.Equal(200m, balance.Balances.Single().Overdue);
        Assert.Equal(800m, balance.Balances.Single().Disputed);
        Assert.Equal(19, balance.DaysOverdue);
    }

    [Fact]
    public void Compute_MultiCurrency_NeverMixesAndAgesByOverdueCurrencies()
    {
        // USD: 300 overdue since 2026-07-01 but fully covered by a USD credit of -300, so not overdue.
        // EUR: 100 overdue since 2026-11-10 (10 days). CNY: 5000 not yet due.
        var balance = AccountBalance.Compute(
            [
                Inv("U1", "2026-07-01", 300m, Usd), Credit("U-CN", "2026-08-01", -300m, Usd),
                Inv("E1", "2026-11-10", 100m, Eur),
                Inv("C1", "2026-12-31", 5000m, Cny),
            ],
            D("2026-11-20"));

        Assert.Equal(["CNY", "EUR", "USD"], balance.Balances.Select(b => b.Currency.Code));
        Assert.Equal((5000m, 0m), (balance.Balances[0].Open, balance.Balances[0].Overdue));
        Assert.Equal((100m, 100m), (balance.Balances[1].Open, balance.Balances[1].Overdue));
        Assert.Equal((0m, 0m), (balance.Balances[2].Open, balance.Balances[2].Overdue));
        Assert.Equal(10, balance.DaysOverdue);
        Assert.Equal("yellow", balance.Light.ToLabel());
    }

    [Fact]
    public void Compute_PartialCreditInCurrency_OldestItemStillAges()
    {
        // USD overdue = 50 + 100 - 60 = 90 > 0, so the oldest USD item (2026-08-12, 100 days) ages the account.
        var balance = AccountBalance.Compute(
            [Inv("U1", "2026-08-12", 50m, Usd), Inv("U2", "2026-11-10", 100m, Usd), Credit("CR", "2026-11-01", -60m, Usd)],
            D("2026-11-20"));

        Assert.Equal(90m, balance.Balances.Single().Overdue);
        Assert.Equal(100, balance.DaysOverdue);
        Assert.Equal("90+", balance.Bucket.ToLabel());
    }
}
