using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Notices.Rendering;
using Collections.Notices.Templating;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Rendering;

public sealed class NoticeRendererTests
{
    private static readonly NoticeRenderer Renderer = new(NoticeFixtures.Options(), NoticeTemplateCatalog.BuiltIn);

    public static TheoryData<string> HostileValues() =>
    [
        "<script>alert(1)</script>",
        "\" onerror=\"x",
        "' onmouseover='y",
        "Smith & Sons <b>Ltd</b>",
        "</td></tr></table><img src=x onerror=alert(2)>",
    ];

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Render_HostileCustomerAndContactNames_AreEscapedInHtml(string hostile)
    {
        foreach (var language in Enum.GetValues<NoticeLanguage>())
        {
            foreach (var kind in Enum.GetValues<NoticeKind>())
            {
                var request = NoticeFixtures.Request(kind, language) with
                {
                    CustomerName = hostile,
                    Contact = NoticeFixtures.Contact(language) with { ContactName = hostile },
                };

                var notice = Renderer.Render(request);

                Assert.DoesNotContain(hostile, notice.Html, StringComparison.Ordinal);
                AssertNoInjectedMarkup(notice.Html);
                if (kind.IsInternal())
                {
                    continue;
                }

                // The plain-text body carries the value verbatim: it is text, not markup.
                Assert.Contains(hostile, notice.Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void Render_HostileInvoiceAndPoNumbers_AreEscapedInHtml(string hostile)
    {
        var items = NoticeFixtures.Items().Select((i, n) => n == 0 ? i with { InvoiceId = hostile, PoNumber = hostile + "-po" } : i).ToList();
        var request = NoticeFixtures.Request(NoticeKind.DisputeAcknowledgement, NoticeLanguage.English) with
        {
            Items = items,
            Dispute = new DisputeDetails([hostile], hostile),
        };

        var notice = Renderer.Render(request);

        Assert.DoesNotContain(hostile, notice.Html, StringComparison.Ordinal);
        AssertNoInjectedMarkup(notice.Html);
        Assert.Contains(hostile + "-po", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileCaseId_IsEscapedInHtml()
    {
        var request = NoticeFixtures.Request(NoticeKind.LegalHandoff, NoticeLanguage.English) with
        {
            CaseId = "<script>alert(1)</script>",
            CaseLink = new Uri("https://ops.example/cases/\"onmouseover=\"x"),
        };

        var notice = Renderer.Render(request);

        AssertNoInjectedMarkup(notice.Html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", notice.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"onmouseover", notice.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScriptCustomerName_AppearsEncodedExactly()
    {
        var request = NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English) with { CustomerName = "<script>alert(1)</script>" };

        var notice = Renderer.Render(request);

        Assert.Contains("To: &lt;script&gt;alert(1)&lt;/script&gt; (account C-1001)", notice.Html, StringComparison.Ordinal);
        Assert.Contains("To: <script>alert(1)</script> (account C-1001)", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Demand_CopiesCcListAndRepliesToContact()
    {
        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English));

        Assert.Equal("ap@northwind.example", Assert.Single(notice.To).Address);
        Assert.Equal(["cfo@northwind.example", "controller@northwind.example"], notice.Cc.Select(c => c.Address));
        Assert.Equal("ar@contoso.example", Assert.Single(notice.ReplyTo).Address);
    }

    [Theory]
    [InlineData(NoticeKind.PreDue)]
    [InlineData(NoticeKind.Reminder)]
    [InlineData(NoticeKind.Receipt)]
    [InlineData(NoticeKind.PromiseConfirmation)]
    [InlineData(NoticeKind.DisputeAcknowledgement)]
    public void Render_BeforeDemandOrAcknowledgement_DoesNotCopyCcList(NoticeKind kind)
    {
        var notice = Renderer.Render(NoticeFixtures.Request(kind, NoticeLanguage.English));

        Assert.Empty(notice.Cc);
    }

    [Theory]
    [InlineData(NoticeKind.FinalNotice)]
    [InlineData(NoticeKind.Escalation)]
    public void Render_AfterDemand_CopiesCcList(NoticeKind kind)
    {
        var notice = Renderer.Render(NoticeFixtures.Request(kind, NoticeLanguage.ChineseSimplified));

        Assert.Equal("cfo@hz-example.cn", Assert.Single(notice.Cc).Address);
    }

    [Fact]
    public void Render_InternalKinds_GoToSupervisorAndLegalNeverTheDebtor()
    {
        var approval = Renderer.Render(NoticeFixtures.Request(NoticeKind.ApprovalReminder, NoticeLanguage.English));
        var handoff = Renderer.Render(NoticeFixtures.Request(NoticeKind.LegalHandoff, NoticeLanguage.English));

        Assert.Equal("collections-lead@contoso.example", Assert.Single(approval.To).Address);
        Assert.Empty(approval.Cc);
        Assert.Equal("legal@contoso.example", Assert.Single(handoff.To).Address);
        Assert.Equal("collections-lead@contoso.example", Assert.Single(handoff.Cc).Address);
    }

    [Fact]
    public void Render_LateEveningUtc_IsDatedTheDebtorsLocalDay()
    {
        // 23:30 UTC on 11 June is 07:30 on 12 June in Shanghai: the letter is dated 12 June.
        var request = NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.ChineseSimplified) with
        {
            SentAt = new DateTimeOffset(2026, 6, 11, 23, 30, 0, TimeSpan.Zero),
        };

        var notice = Renderer.Render(request);

        Assert.Contains("日期：2026年6月12日", notice.Text, StringComparison.Ordinal);
        Assert.Contains("最迟于2026年6月19日前", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInstantInAmericanZone_IsDatedThePreviousDay()
    {
        var request = NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English) with
        {
            Contact = NoticeFixtures.Contact(NoticeLanguage.English) with { TimeZoneId = "America/New_York" },
            SentAt = new DateTimeOffset(2026, 6, 12, 2, 0, 0, TimeSpan.Zero),
        };

        var notice = Renderer.Render(request);

        Assert.Contains("Date: 11 June 2026", notice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NoticeKind.Demand)]
    [InlineData(NoticeKind.FinalNotice)]
    public void Render_DemandOrFinalNoticeWithoutTheLaddersDeadline_Throws(NoticeKind kind)
    {
        var request = NoticeFixtures.Request(kind, NoticeLanguage.English) with { Facts = NoticeFacts.None };

        var ex = Assert.Throws<ArgumentException>(() => Renderer.Render(request));

        Assert.Contains($"Facts.Deadline (the ladder's, from NoticeFacts.Derive) is required for a {kind}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FinalNotice_StatesTheFactsDeadlineAndConsequences()
    {
        var request = NoticeFixtures.Request(NoticeKind.FinalNotice, NoticeLanguage.English);
        request = request with { Facts = request.Facts with { Deadline = new DateOnly(2026, 6, 26) } };

        var notice = Renderer.Render(request);

        Assert.Contains("in full by 26 June 2026", notice.Text, StringComparison.Ordinal);
        Assert.Contains("placed on credit hold", notice.Text, StringComparison.Ordinal);
        Assert.Contains("will then be referred to our legal department", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Statement_ShowsEveryItemCreditsNegativeAndTotalsPerCurrency()
    {
        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English));

        foreach (var item in NoticeFixtures.Items())
        {
            Assert.Contains(item.InvoiceId, notice.Text, StringComparison.Ordinal);
        }

        Assert.Contains("Open amount: EUR -1,200.00", notice.Text, StringComparison.Ordinal);
        Assert.Contains("JPY: Total open JPY 1,250,000 | Overdue JPY 1,250,000", notice.Text, StringComparison.Ordinal);
        Assert.Contains("EUR: Total open EUR 19,550.40 | Overdue EUR 19,550.40", notice.Text, StringComparison.Ordinal);
        Assert.Contains("USD: Total open USD 3,400.00 | Overdue USD 0.00 | In dispute USD 3,400.00", notice.Text, StringComparison.Ordinal);
        Assert.Contains("the overdue balance is EUR 19,550.40 and JPY 1,250,000.", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CaseRecordedDispute_LeavesItemOutOfOverdue()
    {
        var request = NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English) with
        {
            DisputedInvoiceIds = new HashSet<string>(["INV-2026-0150"], StringComparer.Ordinal),
        };

        var notice = Renderer.Render(request);

        Assert.Contains("the overdue balance is EUR 19,550.40.", notice.Text, StringComparison.Ordinal);
        Assert.Contains("JPY: Total open JPY 1,250,000 | Overdue JPY 0 | In dispute JPY 1,250,000", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoItems_SaysSoInsteadOfAnEmptyTable()
    {
        var request = NoticeFixtures.Request(NoticeKind.Receipt, NoticeLanguage.ChineseSimplified) with { Items = [] };

        var notice = Renderer.Render(request);

        Assert.Contains("该账户目前没有未结项目。", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", notice.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingKindInputs_ThrowsListingEveryProblem()
    {
        var request = NoticeFixtures.Request(NoticeKind.LegalHandoff, NoticeLanguage.English) with
        {
            CaseId = null,
            CaseLink = new Uri("ftp://example/x"),
            Contact = NoticeFixtures.Contact(NoticeLanguage.English) with { TimeZoneId = "Mars/Olympus" },
        };

        var ex = Assert.Throws<ArgumentException>(() => Renderer.Render(request));

        Assert.Contains("Contact.TimeZoneId 'Mars/Olympus' is not a known IANA time zone", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CaseId is required for LegalHandoff", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CaseLink must be an absolute http(s) URI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PromiseConfirmationWithoutPromise_Throws()
    {
        var request = NoticeFixtures.Request(NoticeKind.PromiseConfirmation, NoticeLanguage.English) with { Promise = null };

        var ex = Assert.Throws<ArgumentException>(() => Renderer.Render(request));

        Assert.Contains("Promise is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameRequestTwice_GivesSameContentHash()
    {
        var a = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English));
        var b = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English));
        var c = Renderer.Render(NoticeFixtures.Request(NoticeKind.Demand, NoticeLanguage.English) with { CustomerName = "Other GmbH" });

        Assert.Equal(a.ContentSha256, b.ContentSha256);
        Assert.NotEqual(a.ContentSha256, c.ContentSha256);
        Assert.Matches("^[0-9a-f]{64}$", a.ContentSha256);
    }

    [Fact]
    public void Render_AmountsRoundToCurrencyMinorUnit()
    {
        var items = new[]
        {
            new LedgerItem("K-1", new(2026, 5, 1), new(2026, 5, 2), Currency.Parse("KWD"), 10.1235m, 10.1235m),
        };
        var request = NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English) with { Items = items };

        var notice = Renderer.Render(request);

        Assert.Contains("KWD 10.124", notice.Text, StringComparison.Ordinal);
    }

    private static void AssertNoInjectedMarkup(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("' onmouseover", html, StringComparison.OrdinalIgnoreCase);
    }
}
