using Collections.Domain.Cases.Events;
using Collections.Domain.Monetary;
using Collections.Host.Tests.Apis;
using Microsoft.Playwright;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Dashboard;

/// <summary>
/// The dashboard in a zh-CN Chromium: every text a person reads is Chinese. Only data keeps its own spelling
/// (names, ids, file names, amounts, currency codes, operators' own words: marked translate="no") and the
/// language switch names the other language in that language.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class DashboardChineseTests(OperationsHostFixture host) : IAsyncLifetime
{
    // Text nodes outside data whose text holds a Latin letter; closed dialogs and hidden elements are not read.
    private const string EnglishLeft = """
        () => {
          const found = [];
          if (/[A-Za-z]/.test(document.title)) found.push("title: " + document.title);
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const p = n.parentElement;
            if (!p || p.closest('[translate="no"], [lang="en"], script, style, [hidden], dialog:not([open])')) continue;
            if (/[A-Za-z]/.test(n.textContent)) found.push(n.textContent.trim());
          }
          return found;
        }
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    private IPage Page => _page!;

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await ChromiumBrowser.LaunchAsync();
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "zh-CN" });
        _page.SetDefaultTimeout(15_000);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private async Task AssertNoEnglishAsync(string where)
    {
        var left = await Page.EvaluateAsync<string[]>(EnglishLeft);
        Assert.True(left.Length == 0, $"{where}: English left: {string.Join(" | ", left)}");
    }

    private async Task SignInAsync(string key)
    {
        await Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await Page.Locator("#login-form").WaitForAsync();
        await AssertNoEnglishAsync("login");
        await Page.FillAsync("#api-key", key);
        await Page.ClickAsync("#login-form button[type=submit]");
    }

    /// <summary>A case with a dispute, a promise, a pause and a deferred step (reason Paused), and two pending notices.</summary>
    private async Task<string> RichCaseAsync()
    {
        var id = await host.SeedCaseAsync("ZH-RICH", Inv("ZH-RICH-1", "2026-10-20", 1200m), Inv("ZH-RICH-2", "2026-10-25", 300m, Usd, row: 3));
        var ct = CancellationToken.None;
        Assert.True((await host.Seeder.RaiseAsync(id, new DisputeRaised(["ZH-RICH-2"], "goods damaged") { Actor = "operator:zh" }, ct)).Accepted);
        Assert.True((await host.Seeder.RaiseAsync(id, new PromiseMade(D("2026-11-27"), new Money(500m, Eur)) { Actor = "operator:zh" }, ct)).Accepted);
        Assert.True((await host.Seeder.RaiseAsync(id, new PauseRequested("customer on holiday", null) { Actor = "operator:zh" }, ct)).Accepted);
        Assert.True((await host.Seeder.RaiseAsync(id, new TimerDue { Actor = "system" }, ct)).Accepted);
        return id;
    }

    [Fact]
    public async Task Overview_ZhCn_HasNoEnglishLeft()
    {
        await SignInAsync(OperationsFactory.ReaderKey);
        await Page.Locator("#kpi-tiles").WaitForAsync();
        await Page.Locator("#case-list tbody tr").First.WaitForAsync();
        Assert.Equal("zh-CN", await Page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await AssertNoEnglishAsync("overview");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("overview-zh.png"), FullPage = true });
    }

    [Fact]
    public async Task CasePage_ZhCn_TimelineDeliveriesAndServerMessagesAreChinese()
    {
        var id = await RichCaseAsync();
        await SignInAsync(OperationsFactory.OperatorKey);
        await Page.GotoAsync(new Uri(host.BaseAddress, "/cases/" + id).ToString());
        // The deferral reason (a code from the API) is shown in Chinese.
        await Page.Locator("#timeline li[data-type=NoticeDeferred]", new PageLocatorOptions { HasText = "案件已暂停" }).WaitForAsync();
        await AssertNoEnglishAsync("case page");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("case-zh.png"), FullPage = true });

        // 409 from the case machine (date beyond 30 days) and 400 from the API (negative amount): both in Chinese.
        await Page.ClickAsync("[data-action=promise]");
        await Page.FillAsync("#field-promisedDate", "2027-03-01");
        await Page.FillAsync("#field-amount", "100");
        await Page.ClickAsync("#confirm-ok");
        await Page.Locator("#confirm-error", new PageLocatorOptions { HasText = "承诺日期须在今天起 30 天之内" }).WaitForAsync();
        await AssertNoEnglishAsync("409 in the dialog");
        await Page.FillAsync("#field-promisedDate", "2026-11-27");
        await Page.FillAsync("#field-amount", "-5");
        await Page.ClickAsync("#confirm-ok");
        await Page.Locator("#confirm-error", new PageLocatorOptions { HasText = "请求无效：金额" }).WaitForAsync();
        await AssertNoEnglishAsync("400 in the dialog");
        await Page.ClickAsync("#confirm-cancel");

        // The same promise again: acknowledged, nothing changed, said in Chinese.
        await Page.ClickAsync("[data-action=promise]");
        await Page.FillAsync("#field-promisedDate", "2026-11-27");
        await Page.FillAsync("#field-amount", "500");
        await Page.ClickAsync("#confirm-ok");
        await Page.Locator("#flash", new PageLocatorOptions { HasText = "无需更改" }).WaitForAsync();
        await AssertNoEnglishAsync("after an unchanged action");
    }

    [Fact]
    public async Task FilePage_ZhCn_RejectedFileIsChinese()
    {
        await SignInAsync(OperationsFactory.ReaderKey);
        await Page.GotoAsync(new Uri(host.BaseAddress, "/files/" + host.RejectedFileId).ToString());
        await Page.Locator("#file-report tbody tr").First.WaitForAsync();
        Assert.Equal("已拒绝", (await Page.InnerTextAsync("#file-status")).Trim());
        await AssertNoEnglishAsync("file page");
    }
}
