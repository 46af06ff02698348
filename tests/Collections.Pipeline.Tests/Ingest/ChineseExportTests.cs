using System.Text;
using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>
/// A realistic export from a Chinese ERP saved by Excel as "CSV (逗号分隔)": GB18030 without a BOM,
/// CRLF, simplified-Chinese headers, thousands separators, (parentheses) and minus negatives, contact
/// fields repeated on some rows and left empty on others. Six accounts, five currencies, four time
/// zones, all four grades, credits, unapplied cash, partial payments and a disputed invoice. Every
/// expected figure is worked out by hand below from domain.md section 3 (as-of 2026-06-12, a Friday).
/// </summary>
public sealed class ChineseExportTests
{
    private const string Export =
        "公司主体,客户编号,客户名称,联系人,联系邮箱,抄送邮箱,语言,时区,国家,信用等级,发票号,开票日期,到期日,币种,原币金额,未收金额,争议,订单号,截止日期\r\n" +
        // row 2-6: K-1001, grade B, Shanghai. Partial payment on 0101, disputed 0120, not yet due 0188, a red-letter credit note.
        "SH01,K-1001,上海华东机电有限公司,王丽,wangli@hdjd.example.cn,cfo@hdjd.example.cn;zhang.wei@hdjd.example.cn,zh-CN,Asia/Shanghai,CN,B,FP-2026-0101,2026-03-01,2026-03-31,CNY,\"120,000.00\",\"45,000.00\",否,PO-8801,2026-06-12\r\n" +
        "SH01,K-1001,上海华东机电有限公司,王丽,wangli@hdjd.example.cn,,,,,,FP-2026-0120,2026-03-15,2026-04-14,CNY,\"9,800.00\",\"9,800.00\",是,PO-8802,2026-06-12\r\n" +
        "SH01,K-1001,上海华东机电有限公司,,wangli@hdjd.example.cn,,zh-CN,Asia/Shanghai,CN,B,FP-2026-0145,2026-04-10,2026-05-10,CNY,\"80,000.00\",\"80,000.00\",,,2026-06-12\r\n" +
        "SH01,K-1001,上海华东机电有限公司,,wangli@hdjd.example.cn,,,,,,FP-2026-0188,2026-05-20,2026-06-19,CNY,\"36,500.50\",\"36,500.50\",否,,2026-06-12\r\n" +
        "SH01,K-1001,上海华东机电有限公司,,wangli@hdjd.example.cn,,,,,,HZ-2026-007,2026-05-05,2026-05-05,CNY,\"(5,000.00)\",\"(5,000.00)\",,,2026-06-12\r\n" +
        // row 7-9: K-1002, grade A, Shenzhen. Unapplied cash (预收款) in CNY, an undue USD invoice.
        "SH01,K-1002,深圳南方电子股份有限公司,李强,liqiang@nfdz.example.cn,,zh-CN,Asia/Shanghai,CN,A,FP-2026-0201,2026-05-03,2026-06-02,CNY,\"50,000.00\",\"50,000.00\",否,,2026-06-12\r\n" +
        "SH01,K-1002,深圳南方电子股份有限公司,李强,liqiang@nfdz.example.cn,,zh-CN,Asia/Shanghai,CN,A,SK-2026-0033,2026-06-05,2026-06-05,CNY,\"-20,000.00\",\"-20,000.00\",否,,2026-06-12\r\n" +
        "SH01,K-1002,深圳南方电子股份有限公司,李强,liqiang@nfdz.example.cn,,zh-CN,Asia/Shanghai,CN,A,INV-US-0301,2026-06-15,2026-07-15,USD,\"12,000.00\",\"12,000.00\",否,\"PO-US-1, PO-US-2\",2026-06-12\r\n" +
        // row 10-11: K-1003 in the Hong Kong entity, grade C. A partly paid invoice exactly offset by a credit note.
        "HK01,K-1003,香港利豐貿易有限公司,Mr. Chan,accounts@lifung.example.hk,,en,Asia/Hong_Kong,HK,C,INV-HK-0401,2026-04-20,2026-05-20,HKD,\"30,000.00\",\"18,000.00\",N,,2026-06-12\r\n" +
        "HK01,K-1003,香港利豐貿易有限公司,Mr. Chan,accounts@lifung.example.hk,,en,Asia/Hong_Kong,HK,C,CN-HK-01,2026-05-25,2026-05-25,HKD,\"-18,000.00\",\"-18,000.00\",N,,2026-06-12\r\n" +
        // row 12: K-1004, grade D, Tokyo, yen (no minor unit).
        "SH01,K-1004,東京精密株式会社,Tanaka,keiri@tokyo-seimitsu.example.jp,,en,Asia/Tokyo,JP,D,INV-JP-0501,2026-01-28,2026-02-27,JPY,\"1,250,000\",\"1,250,000\",N,,2026-06-12\r\n" +
        // row 13-14: K-1005, grade left empty (default B), Berlin. A settled invoice still listed, one not yet due.
        "SH01,K-1005,Müller Maschinenbau GmbH,Anna Müller,buchhaltung@mueller.example.de,,en,Europe/Berlin,DE,,INV-DE-0550,2026-04-01,2026-05-01,EUR,\"2,000.00\",0.00,N,,2026-06-12\r\n" +
        "SH01,K-1005,Müller Maschinenbau GmbH,Anna Müller,buchhaltung@mueller.example.de,,en,Europe/Berlin,DE,,INV-DE-0601,2026-05-23,2026-06-22,EUR,\"8,400.00\",\"8,400.00\",N,,2026-06-12\r\n" +
        // row 15: K-1006, only a payment on account; time zone empty (default Asia/Shanghai).
        "SH01,K-1006,北京星河科技有限公司,赵敏,zhaomin@xhkj.example.cn,,zh-CN,,CN,B,SK-2026-0050,2026-06-01,2026-06-01,CNY,\"(3,000.00)\",\"(3,000.00)\",否,,2026-06-12\r\n";

    private static readonly DateOnly AsOf = new(2026, 6, 12);

    private static LedgerParseResult ParseExport()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Export);
        return Ledgers.Parse(bytes, "应收账款明细.csv");
    }

    private static (CustomerAccount Account, AccountBalance Balance, PlannedStep? Next) Account(LedgerParseResult result, string customerId)
    {
        var account = result.Accounts.Single(a => a.Key.CustomerId == customerId);
        return (account, AccountBalance.Compute(account.Items, result.AsOf), DunningPlanner.FirstStep(account, result.AsOf, DunningPolicy.Default));
    }

    private static void AssertBalance(AccountBalance balance, string currency, decimal open, decimal overdue, decimal disputed)
    {
        var b = balance.Balances.Single(x => x.Currency.Code == currency);
        Assert.Equal((open, overdue, disputed), (b.Open, b.Overdue, b.Disputed));
    }

    [Fact]
    public void Parse_ChineseExport_IsValidAndDetectedAsGb18030()
    {
        var result = ParseExport();

        result.AssertValid();
        Assert.Equal("gb18030", result.Encoding);
        Assert.Equal((AsOf, AsOfSource.Column), (result.AsOf, result.AsOfSource));
        Assert.Equal(14, result.RowCount);
        Assert.Equal(["HK01", "SH01"], result.Entities);
        Assert.Equal(["K-1003", "K-1001", "K-1002", "K-1004", "K-1005", "K-1006"], result.Accounts.Select(a => a.Key.CustomerId));
    }

    [Fact]
    public void Parse_ChineseExport_ContactDetailsMergeAcrossRows()
    {
        var (k1001, _, _) = Account(ParseExport(), "K-1001");

        Assert.Equal(
            new ContactDetails("wangli@hdjd.example.cn", ["cfo@hdjd.example.cn", "zhang.wei@hdjd.example.cn"], "王丽", NoticeLanguage.ChineseSimplified, "Asia/Shanghai", "CN", CreditGrade.B),
            k1001.Contact);
        Assert.Equal(5, k1001.Items.Count);
        Assert.Equal("PO-8801", k1001.Items[0].PoNumber);
    }

    [Fact]
    public void K1001_PartialPaymentCreditAndDispute_Red61To90_FinalNoticeByCatchUp()
    {
        var (_, balance, next) = Account(ParseExport(), "K-1001");

        // open     = 45,000.00 + 9,800.00 + 80,000.00 + 36,500.50 - 5,000.00 = 166,300.50
        // overdue  = due before 06-12, open > 0, not disputed: 0101 (45,000.00, due 03-31) + 0145 (80,000.00, due 05-10)
        //            = 125,000.00, plus all credits (-5,000.00) = 120,000.00 (0188 is due 06-19, not overdue)
        // disputed = 0120: 9,800.00 (excluded from overdue even though due 04-14)
        AssertBalance(balance, "CNY", 166_300.50m, 120_000.00m, 9_800.00m);
        // oldest overdue non-disputed item: 0101 due 03-31; 03-31 -> 06-12 = 30 (Apr) + 31 (May) + 12 = 73 days
        Assert.Equal((73, new DateOnly(2026, 3, 31)), (balance.DaysOverdue, balance.OldestOverdueDueDate));
        Assert.Equal((AgingBucket.Days61To90, TrafficLight.Red), (balance.Bucket, balance.Light));
        // grade B from anchor 03-31: Reminder 04-01, Demand 04-15, FinalNotice 04-30, Escalation 05-30: all past.
        // Catch-up sends only the latest, but Escalation needs a FinalNotice 7 days earlier and none was sent:
        // FinalNotice now. Applied 06-12 00:00 UTC = 08:00 in Shanghai, window opens 09:00 (Friday, a business day).
        Assert.Equal(new PlannedStep(CaseStage.FinalNotice, new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.FromHours(8))), next);
    }

    [Fact]
    public void K1002_UnappliedCashOffsetsCny_Yellow_GradeAReminder()
    {
        var (_, balance, next) = Account(ParseExport(), "K-1002");

        // CNY open = 50,000.00 - 20,000.00 = 30,000.00; overdue = max(0, 50,000.00 - 20,000.00) = 30,000.00
        AssertBalance(balance, "CNY", 30_000.00m, 30_000.00m, 0m);
        // USD 12,000.00 due 07-15: open, not overdue; never netted with CNY
        AssertBalance(balance, "USD", 12_000.00m, 0m, 0m);
        // 06-02 -> 06-12 = 10 days: bucket 1-30, yellow
        Assert.Equal((10, new DateOnly(2026, 6, 2)), (balance.DaysOverdue, balance.OldestOverdueDueDate));
        Assert.Equal((AgingBucket.Days1To30, TrafficLight.Yellow), (balance.Bucket, balance.Light));
        // grade A: Reminder +3 = 06-05 (past), Demand +21 = 06-23 (future): the Reminder, at the next window opening.
        Assert.Equal(new PlannedStep(CaseStage.Reminder, new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.FromHours(8))), next);
    }

    [Fact]
    public void K1003_CreditFullyOffsetsPartlyPaidInvoice_GreenNothingToSend()
    {
        var (account, balance, next) = Account(ParseExport(), "K-1003");

        // open = 18,000.00 - 18,000.00 = 0.00; overdue = max(0, 18,000.00 - 18,000.00) = 0.00
        AssertBalance(balance, "HKD", 0m, 0m, 0m);
        // nothing overdue in any currency: 0 days, current, green, no oldest date
        Assert.Equal((0, (DateOnly?)null), (balance.DaysOverdue, balance.OldestOverdueDueDate));
        Assert.Equal((AgingBucket.Current, TrafficLight.Green), (balance.Bucket, balance.Light));
        Assert.Equal("HK01", account.Key.Entity);
        // no overdue debt and no upcoming due date with an open amount: no notice
        Assert.Null(next);
    }

    [Fact]
    public void K1004_Yen105Days_Red90Plus_GradeDFinalNotice()
    {
        var (_, balance, next) = Account(ParseExport(), "K-1004");

        // JPY has no minor unit: 1,250,000 open and overdue
        AssertBalance(balance, "JPY", 1_250_000m, 1_250_000m, 0m);
        Assert.Equal("1250000", balance.Balances[0].Currency.FormatInvariant(balance.Balances[0].Open));
        // 02-27 -> 06-12 = 1 (Feb 28) + 31 (Mar) + 30 (Apr) + 31 (May) + 12 = 105 days: 90+, red
        Assert.Equal((105, AgingBucket.Over90, TrafficLight.Red), (balance.DaysOverdue, balance.Bucket, balance.Light));
        // grade D: Demand +1, FinalNotice +10, Escalation +30 all past; no FinalNotice sent -> FinalNotice now.
        // 06-12 00:00 UTC is exactly 09:00 in Tokyo, the window opening.
        Assert.Equal(new PlannedStep(CaseStage.FinalNotice, new DateTimeOffset(2026, 6, 12, 9, 0, 0, TimeSpan.FromHours(9))), next);
    }

    [Fact]
    public void K1005_SettledLineAndUndueInvoice_GreenPreDueFiveDaysBefore()
    {
        var (account, balance, next) = Account(ParseExport(), "K-1005");

        // INV-DE-0550 has open 0.00 (settled, still listed); INV-DE-0601 8,400.00 due 06-22
        AssertBalance(balance, "EUR", 8_400.00m, 0m, 0m);
        Assert.Equal((0, AgingBucket.Current, TrafficLight.Green), (balance.DaysOverdue, balance.Bucket, balance.Light));
        Assert.Equal(CreditGrade.B, account.Contact.Grade);
        // PreDue 5 days before 06-22 = Wednesday 06-17, 09:00 Berlin summer time (+02:00)
        Assert.Equal(new PlannedStep(CaseStage.PreDue, new DateTimeOffset(2026, 6, 17, 9, 0, 0, TimeSpan.FromHours(2))), next);
    }

    [Fact]
    public void K1006_OnlyUnappliedCash_NegativeOpenGreenNothingToSend()
    {
        var (account, balance, next) = Account(ParseExport(), "K-1006");

        // open = -3,000.00 (money on account); overdue = max(0, 0 + -3,000.00) = 0.00
        AssertBalance(balance, "CNY", -3_000.00m, 0m, 0m);
        Assert.Equal((0, TrafficLight.Green), (balance.DaysOverdue, balance.Light));
        Assert.Equal("Asia/Shanghai", account.Contact.TimeZoneId);
        Assert.Null(next);
    }
}
