using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Notices.Rendering;

namespace Collections.Notices.Tests.Support;

/// <summary>
/// The fixed golden-file account: four currencies (EUR with a credit note and a partial payment, JPY
/// without minor units, a disputed USD invoice, a CNY invoice not yet due), as of Friday 12 June 2026.
/// </summary>
internal static class NoticeFixtures
{
    public static readonly DateOnly AsOf = new(2026, 6, 12);

    public const string Entity = "contoso-cn";

    public static NoticeOptions Options() => new()
    {
        Creditors =
        {
            [Entity] = Creditor(
                "Contoso Trading Ltd.", "88 Century Avenue, Pudong\nShanghai 200120, China", "Maria Keller (Accounts Receivable)",
                "康拓贸易有限公司", "中国上海市浦东新区世纪大道88号\n邮编200120", "应收账款部 王芳",
                "ar@contoso.example", "+86 21 5555 0100",
                Account("EUR", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Commerzbank AG, Frankfurt", "Contoso Trading Ltd.", "德国商业银行法兰克福分行"),
                Account("CNY", "4500 1234 5678 9012", null, "Bank of China, Shanghai Branch", "Contoso Trading Ltd.", "中国银行上海分行")),
            ["contoso-uk"] = Creditor(
                "Contoso UK Ltd.", "1 Poultry\nLondon EC2R 8EJ, United Kingdom", "James Carter (Credit Control)",
                "康拓英国有限公司", "英国伦敦Poultry 1号，邮编EC2R 8EJ", "信用控制部 James Carter",
                "credit.control@contoso.example", "+44 20 5555 0100",
                Account("EUR", "GB29 NWBK 6016 1331 9268 19", "NWBKGB2L", "NatWest, London", "Contoso UK Ltd.", "国民西敏寺银行伦敦分行")),
        },
        SupervisorEmail = "collections-lead@contoso.example",
        LegalEmail = "legal@contoso.example",
    };

    public static CreditorOptions Creditor(
        string nameEn, string addressEn, string personEn, string nameZh, string addressZh, string personZh, string email, string phone, params BankAccountOptions[] accounts) => new()
    {
        ContactEmail = email,
        ContactPhone = phone,
        English = new CreditorLocaleOptions { CompanyName = nameEn, Address = addressEn, ContactPerson = personEn },
        ChineseSimplified = new CreditorLocaleOptions { CompanyName = nameZh, Address = addressZh, ContactPerson = personZh },
        BankAccounts = [.. accounts],
    };

    public static BankAccountOptions Account(string currency, string number, string? swift, string bankEn, string holder, string bankZh) => new()
    {
        Currency = currency,
        AccountNumber = number,
        SwiftBic = swift,
        English = new BankAccountLocaleOptions { BankName = bankEn, AccountName = holder },
        ChineseSimplified = new BankAccountLocaleOptions { BankName = bankZh, AccountName = holder },
    };

    public static IReadOnlyList<LedgerItem> Items()
    {
        var eur = Currency.Parse("EUR");
        var p = (int row) => new ItemProvenance("ledger_2026-06-12.csv", "9f2c1a7e5b3d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6", row);
        return
        [
            new LedgerItem("INV-2026-0101", new(2026, 3, 2), new(2026, 4, 1), eur, 18250.40m, 18250.40m, PoNumber: "PO-7781", Provenance: p(2)),
            new LedgerItem("INV-2026-0117", new(2026, 4, 10), new(2026, 5, 10), eur, 5000.00m, 2500.00m, Provenance: p(3)),
            new LedgerItem("CN-2026-0007", new(2026, 4, 20), new(2026, 4, 20), eur, -1200.00m, -1200.00m, Provenance: p(4)),
            new LedgerItem("INV-2026-0130", new(2026, 4, 15), new(2026, 5, 15), Currency.Parse("USD"), 3400.00m, 3400.00m, Disputed: true, PoNumber: "PO-5520", Provenance: p(5)),
            new LedgerItem("INV-2026-0145", new(2026, 5, 20), new(2026, 6, 19), Currency.Parse("CNY"), 56000.00m, 56000.00m, Provenance: p(6)),
            new LedgerItem("INV-2026-0150", new(2026, 5, 1), new(2026, 5, 31), Currency.Parse("JPY"), 1250000m, 1250000m, Provenance: p(7)),
        ];
    }

    public static ContactDetails Contact(NoticeLanguage language) => language == NoticeLanguage.ChineseSimplified
        ? new ContactDetails("ap@hz-example.cn", ["cfo@hz-example.cn"], "李娜", language, "Asia/Shanghai", "CN", CreditGrade.B)
        : new ContactDetails("ap@northwind.example", ["cfo@northwind.example", "controller@northwind.example"], "Anna Schmidt", language, "Europe/Berlin", "DE", CreditGrade.B);

    public static string CustomerName(NoticeLanguage language) =>
        language == NoticeLanguage.ChineseSimplified ? "杭州示例贸易有限公司" : "Northwind Trading GmbH";

    /// <summary>09:00 local on the as-of date: Shanghai is UTC+8, Berlin UTC+2 in June.</summary>
    public static DateTimeOffset SentAt(NoticeLanguage language) => language == NoticeLanguage.ChineseSimplified
        ? new DateTimeOffset(2026, 6, 12, 1, 0, 0, TimeSpan.Zero)
        : new DateTimeOffset(2026, 6, 12, 7, 0, 0, TimeSpan.Zero);

    public static NoticeRequest Request(NoticeKind kind, NoticeLanguage language)
    {
        var zh = language == NoticeLanguage.ChineseSimplified;
        var request = new NoticeRequest(kind, new AccountKey(Entity, "C-1001"), CustomerName(language), Contact(language), Items(), AsOf, SentAt(language));
        return kind switch
        {
            // A demand after a reminder; a final notice after both and a broken promise, with late interest; an escalation after all of them.
            NoticeKind.Demand => request with { Facts = new NoticeFacts { ReminderSentOn = new(2026, 5, 29), Deadline = new(2026, 6, 19), PaymentDays = 7 } },
            NoticeKind.FinalNotice => request with
            {
                Facts = new NoticeFacts
                {
                    ReminderSentOn = new(2026, 5, 15), DemandSentOn = new(2026, 5, 29), BrokenPromiseDate = new(2026, 6, 5), BrokenPromiseAmount = new Money(5000m, Currency.Parse("EUR")),
                    Deadline = new(2026, 6, 19), PaymentDays = 7, LateInterestAnnualPercent = 8m,
                },
            },
            NoticeKind.Escalation => request with
            {
                Facts = new NoticeFacts { ReminderSentOn = new(2026, 4, 20), DemandSentOn = new(2026, 5, 4), FinalNoticeSentOn = new(2026, 5, 20), FinalNoticeDeadline = new(2026, 5, 27), OnCreditHold = true },
            },
            NoticeKind.PromiseConfirmation => request with { Promise = new PromiseDetails(new DateOnly(2026, 6, 30), new Money(10000.00m, Currency.Parse("EUR"))) },
            NoticeKind.DisputeAcknowledgement => request with
            {
                Dispute = new DisputeDetails(
                    ["INV-2026-0130"],
                    zh ? "货物到货时破损，详见我司5月20日的索赔函。" : "Goods arrived damaged; see our claim of 20 May."),
            },
            NoticeKind.ApprovalReminder or NoticeKind.LegalHandoff => request with
            {
                CaseId = "case-2026-000123",
                CaseLink = new Uri("https://collections.contoso.example/cases/case-2026-000123"),
            },
            _ => request,
        };
    }
}
