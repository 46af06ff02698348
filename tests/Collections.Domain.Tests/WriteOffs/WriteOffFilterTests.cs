using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Domain.WriteOffs;
using static Collections.Domain.Tests.Fixtures;

namespace Collections.Domain.Tests.WriteOffs;

/// <summary>
/// Domain.md section 4, write-off: a later snapshot that still lists written-off items never reopens dunning for
/// them; only new items, or the increase of an item's open amount, count.
/// </summary>
public sealed class WriteOffFilterTests
{
    private static readonly AccountKey K1 = new("default", "K-1");

    [Fact]
    public void Apply_SnapshotStillListsWrittenOffItems_NothingOverdueNothingOwed()
    {
        var account = Account(Contact(), Inv("I1", "2026-05-01", 500m), Credit("C1", "2026-05-20", -50m));

        var result = WriteOffFilter.Apply(account, [Off("I1", 500m), Off("C1", -50m)]);

        var balance = AccountBalance.Compute(result.Account.Items, D("2026-07-01"));
        Assert.Equal((false, false), (balance.HasOverdue, balance.HasDebt));
        Assert.Equal(["C1", "I1"], result.WrittenOff.Select(i => i.InvoiceId).Order(StringComparer.Ordinal));
        Assert.True(result.ListsWrittenOff);
    }

    [Fact]
    public void Apply_NewOverdueInvoiceBesideWrittenOffOnes_OnlyTheNewInvoiceIsOverdue()
    {
        var account = Account(Contact(), Inv("I1", "2026-05-01", 500m), Credit("C1", "2026-05-20", -50m), Inv("I9", "2026-06-15", 120m));

        var result = WriteOffFilter.Apply(account, [Off("I1", 500m), Off("C1", -50m)]);

        Assert.Equal(["I9"], result.Account.Items.Select(i => i.InvoiceId));
        Assert.Equal(120m, AccountBalance.Compute(result.Account.Items, D("2026-07-01")).OverdueIn(Eur));
    }

    [Theory]
    [InlineData(650, 150)] // grew: only the increase
    [InlineData(500, 0)] // unchanged: nothing
    [InlineData(300, 0)] // partly posted by the ERP: nothing, shown as written off
    public void Apply_OpenAmountOfAWrittenOffInvoice_OnlyAnIncreaseCounts(decimal listed, decimal dunned)
    {
        var account = Account(Contact(), Inv("I1", "2026-05-01", listed, amount: 800m));

        var result = WriteOffFilter.Apply(account, [Off("I1", 500m)]);

        Assert.Equal(dunned, result.Account.Items.Sum(i => i.OpenAmount));
        Assert.Equal(Math.Min(listed, 500m), result.WrittenOff.Single().OpenAmount);
        Assert.All(result.Account.Items, i => Assert.Equal(800m, i.Amount));
    }

    [Fact]
    public void Apply_InvoiceWrittenOffByTwoCases_WrittenOffAmountsAddUp()
    {
        // Case 1 wrote off 500; the invoice then grew to 650, case 2 dunned and wrote off the 150.
        var writtenOff = new[] { Off("I1", 500m, "case-1"), Off("I1", 150m, "case-2") };

        var same = WriteOffFilter.Apply(Account(Contact(), Inv("I1", "2026-05-01", 650m)), writtenOff);
        var grewAgain = WriteOffFilter.Apply(Account(Contact(), Inv("I1", "2026-05-01", 700m)), writtenOff);

        Assert.Empty(same.Account.Items);
        Assert.Equal(50m, grewAgain.Account.Items.Single().OpenAmount);
    }

    [Fact]
    public void Apply_SameInvoiceIdInAnotherCurrencyOrAccount_CountsNormally()
    {
        var account = Account(Contact(), Inv("I1", "2026-05-01", 500m, Usd));

        var result = WriteOffFilter.Apply(account, [Off("I1", 500m), Off("I1", 500m) with { Account = new AccountKey("default", "K-2"), Currency = Usd }]);

        Assert.Equal(500m, result.Account.Items.Single().OpenAmount);
        Assert.False(result.ListsWrittenOff);
    }

    [Fact]
    public void Apply_WrittenOffCreditStillListed_NotNettedAgainstNewDebt()
    {
        var account = Account(Contact(), Credit("C1", "2026-05-20", -50m), Inv("I9", "2026-06-15", 120m));

        var result = WriteOffFilter.Apply(account, [Off("C1", -50m)]);

        Assert.Equal(120m, AccountBalance.Compute(result.Account.Items, D("2026-07-01")).OverdueIn(Eur));
    }

    private static WrittenOffItem Off(string invoiceId, decimal open, string caseId = "case-1") =>
        new(K1, invoiceId, Eur, open, caseId, T("2026-06-20T10:00:00Z"), "insolvent");
}
