using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;
using Collections.Notices.Templating;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Rendering;

/// <summary>Domain.md section 4 rule 7 and section 5: a notice states only what the case's timeline records, and the ladder's own deadline and consequences.</summary>
public sealed class NoticeFactsRenderingTests
{
    private static readonly NoticeRenderer Renderer = new(NoticeFixtures.Options(), NoticeTemplateCatalog.BuiltIn);

    private static readonly NoticeFacts FirstFinalNotice = new() { Deadline = new DateOnly(2026, 6, 19), PaymentDays = 7 };

    [Fact]
    public void Render_FinalNoticeAsFirstNoticeAfterCatchUp_SaysSoPlainlyInEnglish()
    {
        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.FinalNotice, NoticeLanguage.English) with { Facts = FirstFinalNotice });

        Assert.Contains("We have not sent you a reminder or a demand for payment about these items before", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Despite", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("dated", notice.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FinalNoticeAsFirstNoticeAfterCatchUp_SaysSoPlainlyInChinese()
    {
        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.FinalNotice, NoticeLanguage.ChineseSimplified) with { Facts = FirstFinalNotice });

        Assert.Contains("此前我司未就下列款项向贵司发出提醒或催款函", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("尽管", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("已于", notice.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoticeLanguage.English, "remind")]
    [InlineData(NoticeLanguage.ChineseSimplified, "提醒")]
    public void Render_GradeDDemandWithNoReminderOnTheTimeline_MentionsNoReminder(NoticeLanguage language, string word)
    {
        var facts = new NoticeFacts { Deadline = new DateOnly(2026, 6, 19), PaymentDays = 7 };

        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, language) with { Facts = facts });

        Assert.DoesNotContain(word, notice.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(word, notice.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(NoticeLanguage.English, "final notice")]
    [InlineData(NoticeLanguage.ChineseSimplified, "最后通知")]
    public void Render_EscalationAfterEscalateNowSkippedTheFinalNotice_MentionsNoFinalNotice(NoticeLanguage language, string words)
    {
        var facts = new NoticeFacts { ReminderSentOn = new DateOnly(2026, 6, 2), OnCreditHold = true };

        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Escalation, language) with { Facts = facts });

        Assert.DoesNotContain(words, notice.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(words, notice.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(language == NoticeLanguage.English ? "We refer to our reminder dated 2 June 2026." : "我司已于2026年6月2日向贵司发出提醒。", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Demand_StatesConsequencesWithTheLaddersDays()
    {
        var facts = new NoticeFacts { ReminderSentOn = new DateOnly(2026, 5, 29), Deadline = new DateOnly(2026, 6, 22), PaymentDays = 10, FinalNoticeDays = 5 };

        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English) with { Facts = facts });

        Assert.Contains("within 10 days, that is by 22 June 2026 at the latest", notice.Text, StringComparison.Ordinal);
        Assert.Contains("we will send you a final notice giving you 5 days to pay", notice.Text, StringComparison.Ordinal);
        Assert.Contains("your account will be placed on credit hold", notice.Text, StringComparison.Ordinal);
        Assert.Contains("will then be referred to our legal department", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("interest", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoticeLanguage.English, "late-payment interest of 8.5% a year")]
    [InlineData(NoticeLanguage.ChineseSimplified, "按年利率8.5%收取逾期付款利息")]
    public void Render_DemandUnderPolicyWithLateInterest_StatesTheRate(NoticeLanguage language, string expected)
    {
        var facts = new NoticeFacts { Deadline = new DateOnly(2026, 6, 19), PaymentDays = 7, LateInterestAnnualPercent = 8.5m };

        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, language) with { Facts = facts });

        Assert.Contains(expected, notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GradeAApprovalNeeded_SaysMayBeReferred()
    {
        var facts = new NoticeFacts { Deadline = new DateOnly(2026, 6, 19), PaymentDays = 7, LegalReferralNeedsApproval = true };

        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.FinalNotice, NoticeLanguage.English) with { Facts = facts });

        Assert.Contains("may then be referred to our legal department", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoticeKind.Reminder, NoticeLanguage.English, "Contoso Trading Ltd.: friendly reminder, EUR 19,550.40 and JPY 1,250,000 overdue by 72 days (account C-1001)")]
    [InlineData(NoticeKind.Demand, NoticeLanguage.ChineseSimplified, "康拓贸易有限公司催款函：贵司账户C-1001逾期款项EUR 19,550.40、JPY 1,250,000，已逾期72天")]
    [InlineData(NoticeKind.FinalNotice, NoticeLanguage.English, "Contoso Trading Ltd.: final notice, EUR 19,550.40 and JPY 1,250,000 overdue by 72 days, to be paid by 19 June 2026 (account C-1001)")]
    [InlineData(NoticeKind.Escalation, NoticeLanguage.ChineseSimplified, "康拓贸易有限公司法务移交通知：贵司账户C-1001逾期款项EUR 19,550.40、JPY 1,250,000，已逾期72天")]
    public void Render_DunningSubject_NamesCreditorAmountAndDaysOverdue(NoticeKind kind, NoticeLanguage language, string expected)
    {
        var notice = Renderer.Render(NoticeFixtures.Request(kind, language));

        Assert.Equal(expected, notice.Subject);
    }
}
