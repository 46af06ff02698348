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

    public static NoticeOptions Options() => new()
    {
        English = new NoticeLocaleOptions
        {
            CompanyName = "Contoso Trading Ltd.",
            HowToPay = "Bank transfer to Contoso Trading Ltd.\nIBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX\nPlease quote your customer number and the invoice numbers.",
            ContactPerson = "Maria Keller (Accounts Receivable)",
        },
        ChineseSimplified = new NoticeLocaleOptions
        {
            CompanyName = "康拓贸易有限公司",
            HowToPay = "银行转账至：康拓贸易有限公司\n开户行：中国银行上海分行\n账号：4500 1234 5678 9012\n付款时请注明客户编号及发票号。",
            ContactPerson = "应收账款部 王芳",
        },
        ContactEmail = "ar@contoso.example",
        ContactPhone = "+86 21 5555 0100",
        SupervisorEmail = "collections-lead@contoso.example",
        LegalEmail = "legal@contoso.example",
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
        var request = new NoticeRequest(kind, new AccountKey("contoso-cn", "C-1001"), CustomerName(language), Contact(language), Items(), AsOf, SentAt(language));
        return kind switch
        {
            NoticeKind.FinalNotice => request with { Deadline = new DateOnly(2026, 6, 19) },
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
