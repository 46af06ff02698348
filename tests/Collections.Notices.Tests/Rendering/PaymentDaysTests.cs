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
        var request = NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English) with { PaymentDays = 14, Deadline = null };

        var notice = renderer.Render(request);

        // Sent 2026-06-12 (debtor's date) + 14 days = 26 June 2026; the options' own default is 7.
        Assert.Contains("14 days", notice.Text, StringComparison.Ordinal);
        Assert.Contains("26 June 2026", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("7 days", notice.Text, StringComparison.Ordinal);
    }
}
