using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Rendering;

public sealed class PaymentDaysTests
{
    [Fact]
    public void Render_DemandWithPolicyPaymentDays_StatesThoseDaysAndTheirDeadline()
    {
        var renderer = NoticeRenderer.Create(NoticeFixtures.Options());
        var request = NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English) with { Facts = new NoticeFacts { PaymentDays = 14, Deadline = new DateOnly(2026, 6, 26) } };

        var notice = renderer.Render(request);

        // The policy's 14 days and the deadline the ladder computed from them.
        Assert.Contains("14 days", notice.Text, StringComparison.Ordinal);
        Assert.Contains("26 June 2026", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("within 7 days", notice.Text, StringComparison.Ordinal);
    }
}
