using Collections.Host.Tests.Apis;
using Microsoft.Playwright;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Dashboard;

/// <summary>The dashboard in a real Chromium against the real host (Kestrel) over Azurite.</summary>
[Collection(OperationsCollection.Name)]
public sealed class DashboardBrowserTests(OperationsHostFixture host) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    private IPage Page => _page!;

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await ChromiumBrowser.LaunchAsync();
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, Locale = "en-GB" });
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

    private async Task SignInAsync(string key)
    {
        await Page.GotoAsync(new Uri(host.BaseAddress, "/").ToString());
        await Page.FillAsync("#api-key", key);
        await Page.ClickAsync("#login-form button[type=submit]");
    }

    [Fact]
    public async Task Overview_WithKey_ShowsTilesLightsChartsFilesAndCases()
    {
        await SignInAsync(OperationsFactory.ReaderKey);
        await Page.Locator("#kpi-tiles").WaitForAsync();
        await Page.Locator("#case-list tbody tr").First.WaitForAsync();
        Assert.Equal(1, await Page.Locator("#chart-stage").CountAsync());
        Assert.True(await Page.Locator("#aging canvas").CountAsync() >= 2); // EUR and USD
        Assert.Contains("bad_2026-11-19.csv", await Page.ContentAsync(), StringComparison.Ordinal);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("overview.png"), FullPage = true });

        await Page.ClickAsync("#lang-toggle");
        await Page.Locator("h1", new PageLocatorOptions { HasText = "总览" }).WaitForAsync();
    }

    [Fact]
    public async Task Overview_WrongKey_AsksAgain()
    {
        await SignInAsync("wrong-key-wrong-key-wrong");
        await Page.Locator("#login-form [role=alert]").WaitForAsync();
    }

    [Fact]
    public async Task CasePage_RecordPromise_AppearsOnTheTimeline()
    {
        var id = await host.OpenCaseAsync("UI-PROM", Inv("UI-PROM-1", "2026-10-20", 1200m), Inv("UI-PROM-2", "2026-12-10", 300m, row: 3));
        await SignInAsync(OperationsFactory.OperatorKey);
        await Page.Locator("#case-search").WaitForAsync();
        await Page.FillAsync("#case-search", "UI-PROM");
        await Page.PressAsync("#case-search", "Enter");
        await Page.ClickAsync($"#case-list a[href='/cases/{id}']");
        await Page.Locator("#case-title").WaitForAsync();
        Assert.Contains("Action Test UI-PROM", await Page.InnerTextAsync("#case-title"), StringComparison.Ordinal);

        await Page.ClickAsync("[data-action=promise]");
        await Page.FillAsync("#field-promisedDate", Day(7));
        await Page.FillAsync("#field-amount", "500");
        await Page.ClickAsync("#confirm-ok");
        await Page.Locator("#timeline li[data-type=PromiseRecorded]").WaitForAsync();
        Assert.Equal("Suspended", (await Page.InnerTextAsync("#case-status")).Trim());
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ChromiumBrowser.ScreenshotPath("case-promise.png"), FullPage = true });
    }

    [Fact]
    public async Task CasePage_ReaderActing_ShowsReadOnlyMessage()
    {
        var id = await host.CaseIdAsync("ops", "O-BETA");
        await SignInAsync(OperationsFactory.ReaderKey);
        await Page.GotoAsync(new Uri(host.BaseAddress, "/cases/" + id).ToString());
        await Page.ClickAsync("[data-action=pause]");
        await Page.FillAsync("#field-reason", "call back Monday");
        await Page.ClickAsync("#confirm-ok");
        await Page.Locator("#confirm-error", new PageLocatorOptions { HasText = "operator key" }).WaitForAsync();
    }

    [Fact]
    public async Task CasePage_MarkupInData_IsShownAsText()
    {
        var id = await host.CaseIdAsync("ops", "O-GAMMA");
        await SignInAsync(OperationsFactory.ReaderKey);
        await Page.GotoAsync(new Uri(host.BaseAddress, "/cases/" + id).ToString());
        await Page.Locator("#case-title").WaitForAsync();
        Assert.Contains("Gamma 贸易 <b>Ltd</b>", await Page.InnerTextAsync("#case-title"), StringComparison.Ordinal);
        Assert.Equal(0, await Page.Locator("#case-title b").CountAsync());
    }

    [Fact]
    public async Task FilePage_Rejected_ListsItsErrorsEscaped()
    {
        await SignInAsync(OperationsFactory.ReaderKey);
        await Page.GotoAsync(new Uri(host.BaseAddress, "/files/" + host.RejectedFileId).ToString());
        await Page.Locator("#file-report tbody tr").First.WaitForAsync();
        Assert.Equal(2, await Page.Locator("#file-report tbody tr").CountAsync());
        Assert.Contains("<script>alert(1)</script>", await Page.InnerTextAsync("#file-report"), StringComparison.Ordinal);
        Assert.Equal(0, await Page.Locator("#file-report script").CountAsync());
    }
}
