using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Notices.Rendering;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Rendering;

public sealed class BalanceDateTests
{
    /// <summary>
    /// The ledger said, on 2 November, that an invoice falls due on 10 November; the ladder sends its Demand on
    /// 1 December, judging the balance on that day (CaseBuilder.Today). The letter must judge it on the same day: it
    /// once said "none overdue by 0 days" while demanding payment.
    /// </summary>
    [Fact]
    public void Render_DemandSentAfterTheLedgersAsOfDate_StatesTheOverdueOfTheSendingDay()
    {
        var renderer = NoticeRenderer.Create(NoticeFixtures.Options());
        var gbp = Currency.Parse("GBP");
        var item = new LedgerItem("INV-26-1044", new DateOnly(2026, 10, 11), new DateOnly(2026, 11, 10), gbp, 4980m, 4980m);
        var contact = new ContactDetails("ap@northwind.example", [], null, NoticeLanguage.English, "Europe/London", "GB", CreditGrade.B);
        var request = new NoticeRequest(NoticeKind.Demand, new AccountKey(NoticeFixtures.Entity, "C-1005"), "Northwind Traders plc", contact, [item],
            new DateOnly(2026, 11, 2), new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
        {
            Facts = new NoticeFacts { Deadline = new DateOnly(2026, 12, 8), PaymentDays = 7 },
        };

        var notice = renderer.Render(request);

        Assert.Contains("4,980.00", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("21 days", notice.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("none", notice.Subject, StringComparison.OrdinalIgnoreCase);
    }
}
