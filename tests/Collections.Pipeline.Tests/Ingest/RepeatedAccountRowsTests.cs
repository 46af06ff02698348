using Collections.Domain.Ledger;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>
/// Rows after an account's first are checked against what its account-level cells last validated to
/// (issue 12): a repeated value is not validated again, a changed one is, and the verdict is the same
/// as validating every row.
/// </summary>
public sealed class RepeatedAccountRowsTests
{
    [Fact]
    public void Parse_BadValueAfterRepeatedGoodOnes_IsReportedOnItsRow()
    {
        var text = LedgerCsv.Canonical()
            .Row(("language", "zh-CN"), ("time_zone", "Asia/Shanghai"))
            .Row(("language", "zh-CN"), ("time_zone", "Asia/Shanghai"))
            .Row(("language", "zh-CN"), ("time_zone", "Asia/Shanghai"))
            .Row(("language", "fr"), ("time_zone", "Asia/Shanghai"))
            .Row(("language", "zh-CN"), ("time_zone", "Mars/Base"))
            .ToText();

        var result = Ledgers.Parse(text);

        Assert.Equal(
            [(LedgerErrorCode.InvalidLanguage, 5, "language"), (LedgerErrorCode.InvalidTimeZone, 6, "time_zone")],
            result.Errors.Select(e => (e.Code, e.Row, e.Column)));
    }

    [Fact]
    public void Parse_BadValueRepeated_IsReportedOnEveryRow()
    {
        var text = LedgerCsv.Canonical()
            .Row()
            .Row(("contact_email", "not-an-address"))
            .Row(("contact_email", "not-an-address"))
            .ToText();

        var result = Ledgers.Parse(text);

        Assert.Equal([3, 4], result.Errors.Select(e => e.Row));
        Assert.All(result.Errors, e => Assert.Equal(LedgerErrorCode.InvalidEmail, e.Code));
    }

    [Fact]
    public void Parse_ValueChangesAfterRepeats_IsInconsistentWithTheFirstRow()
    {
        var text = LedgerCsv.Canonical()
            .Row(("customer_name", "Acme"))
            .Row(("customer_name", "Acme"))
            .Row(("customer_name", " Acme "))
            .Row(("customer_name", "Acme GmbH"))
            .ToText();

        var error = Ledgers.Parse(text).SingleError();

        Assert.Equal((LedgerErrorCode.InconsistentAccount, 5, "customer_name", "Acme GmbH"), (error.Code, error.Row, error.Column, error.Value));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RowWithOneChangedValueAndOneBadOne_DoesNotLeaveTheRememberedRowStale()
    {
        // Rows 2 and 3 make the account's cells remembered as a whole. Row 4 changes the name (valid, so its memo
        // now holds "Acme GmbH") and has a bad e-mail. Row 5 repeats rows 2 and 3 exactly: taken from a stale
        // remembered row it would read "Acme GmbH" and be reported as inconsistent with row 2.
        var text = LedgerCsv.Canonical()
            .Row(("customer_name", "Acme"))
            .Row(("customer_name", "Acme"))
            .Row(("customer_name", "Acme GmbH"), ("contact_email", "not-an-address"))
            .Row(("customer_name", "Acme"))
            .ToText();

        var error = Ledgers.Parse(text).SingleError();

        Assert.Equal((LedgerErrorCode.InvalidEmail, 4), (error.Code, error.Row));
    }

    [Fact]
    public void Parse_RememberedRowThenAChangedCell_IsValidatedAgain()
    {
        var text = LedgerCsv.Canonical()
            .Row(("country", "CN"))
            .Row(("country", "CN"))
            .Row(("country", "CN"))
            .Row(("country", "XX"))
            .Row(("country", "CN"))
            .ToText();

        var error = Ledgers.Parse(text).SingleError();

        Assert.Equal((LedgerErrorCode.InvalidCountry, 5, "country"), (error.Code, error.Row, error.Column));
    }

    [Fact]
    public void Parse_SameCustomerIdInTwoEntities_IsTwoAccountsWithTheirOwnItems()
    {
        var text = LedgerCsv.Canonical()
            .Row(("entity", "SH01"), ("invoice_id", "A-1"))
            .Row(("entity", "BJ02"), ("invoice_id", "A-1"))
            .Row(("entity", " SH01 "), ("invoice_id", "A-2"))
            .Row(("entity", ""), ("invoice_id", "A-1"))
            .ToText();

        var result = Ledgers.Parse(text);

        result.AssertValid();
        Assert.Equal(
            ["BJ02/K-1: A-1", "SH01/K-1: A-1 A-2", AccountKey.DefaultEntity + "/K-1: A-1"],
            result.Accounts.Select(a => $"{a.Key}: {string.Join(' ', a.Items.Select(i => i.InvoiceId))}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateInvoiceAfterManyIds_NamesTheFirstRow()
    {
        var csv = LedgerCsv.Canonical();
        for (var i = 0; i < 5000; i++)
        {
            csv.Row(("customer_id", "K-" + (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        csv.Row(("invoice_id", "INV-1234"));

        var error = Ledgers.Parse(csv.ToUtf8(), seekable: false).SingleError();

        Assert.Equal((LedgerErrorCode.DuplicateInvoice, 5002, "invoice_id", "INV-1234"), (error.Code, error.Row, error.Column, error.Value));
        Assert.Contains("already in row 1235", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_ReadTwice_GiveEqualItemsWithTheFilesDigest()
    {
        var text = LedgerCsv.Canonical().Row(("po_number", "PO-7")).Row().Row(("customer_id", "K-2")).ToText();

        var result = Ledgers.Parse(text);

        var first = result.Accounts.Select(a => a.Items.ToArray()).ToArray();
        var second = result.Accounts.Select(a => a.Items.ToArray()).ToArray();
        Assert.Equal(first.Select(i => i.Length), second.Select(i => i.Length));
        Assert.Equal(first.SelectMany(i => i), second.SelectMany(i => i));
        Assert.Equal(["INV-1", "INV-2"], first[0].Select(i => i.InvoiceId));
        Assert.Equal(("PO-7", (string?)null, 3), (first[0][0].PoNumber, first[0][1].PoNumber, first[0][1].Provenance!.Row));
        Assert.All(first.SelectMany(i => i), i => Assert.Equal(result.Sha256, i.Provenance!.Sha256));
    }
}
