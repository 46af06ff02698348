using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Notices.Rendering;
using Collections.Notices.Templating;
using Collections.Notices.Tests.Support;

namespace Collections.Notices.Tests.Rendering;

/// <summary>Domain.md section 5: the creditor is the legal entity of the ledger row, with its own names, contacts and bank accounts.</summary>
public sealed class CreditorTests
{
    private static readonly NoticeRenderer Renderer = new(NoticeFixtures.Options(), NoticeTemplateCatalog.BuiltIn);

    public static TheoryData<NoticeKind, NoticeLanguage> DebtorKinds()
    {
        var data = new TheoryData<NoticeKind, NoticeLanguage>();
        foreach (var kind in Enum.GetValues<NoticeKind>().Where(k => !k.IsInternal()))
        {
            data.Add(kind, NoticeLanguage.English);
            data.Add(kind, NoticeLanguage.ChineseSimplified);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DebtorKinds))]
    public void Render_UkEntity_ShowsOnlyItsOwnCreditorAndBankDetails(NoticeKind kind, NoticeLanguage language)
    {
        var request = NoticeFixtures.Request(kind, language) with { Account = new AccountKey("contoso-uk", "C-1001") };

        var notice = Renderer.Render(request);

        foreach (var part in new[] { notice.Subject, notice.Html, notice.Text })
        {
            Assert.DoesNotContain("Commerzbank", part, StringComparison.Ordinal);
            Assert.DoesNotContain("DE89 3704", part, StringComparison.Ordinal);
            Assert.DoesNotContain("4500 1234", part, StringComparison.Ordinal);
            Assert.DoesNotContain("ar@contoso.example", part, StringComparison.Ordinal);
            Assert.DoesNotContain(language == NoticeLanguage.English ? "Contoso Trading" : "康拓贸易", part, StringComparison.Ordinal);
        }

        Assert.Contains(language == NoticeLanguage.English ? "Contoso UK Ltd." : "康拓英国有限公司", notice.Subject, StringComparison.Ordinal);
        Assert.Equal("credit.control@contoso.example", Assert.Single(notice.ReplyTo).Address);
        if (kind is not (NoticeKind.Receipt or NoticeKind.PromiseConfirmation or NoticeKind.DisputeAcknowledgement))
        {
            Assert.Contains("GB29 NWBK 6016 1331 9268 19", notice.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_CnEntity_ListsTheAccountForEachCurrencyOwedWithItsBankNameInTheLanguage()
    {
        var notice = Renderer.Render(NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.ChineseSimplified));

        Assert.Contains("CNY付款（银行转账）\n  开户银行：中国银行上海分行\n  户名：Contoso Trading Ltd.\n  账号：4500 1234 5678 9012", notice.Text, StringComparison.Ordinal);
        Assert.Contains("EUR付款（银行转账）\n  开户银行：德国商业银行法兰克福分行", notice.Text, StringComparison.Ordinal);
        Assert.Contains("中国上海市浦东新区世纪大道88号", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EntityWithoutCreditor_FailsNamingTheSetting()
    {
        var request = NoticeFixtures.Request(NoticeKind.Reminder, NoticeLanguage.English) with { Account = new AccountKey("us01", "C-1001") };

        var ex = Assert.Throws<ArgumentException>(() => Renderer.Render(request));

        Assert.Contains("no creditor is configured for entity 'us01' (Notices:Creditors:us01)", ex.Message, StringComparison.Ordinal);
    }
}
