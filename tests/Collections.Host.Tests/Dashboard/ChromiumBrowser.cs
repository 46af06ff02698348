using Microsoft.Playwright;

namespace Collections.Host.Tests.Dashboard;

/// <summary>
/// Launches Debian's chromium through Playwright (never a downloaded browser). Fails with a clear message when
/// it is missing: browser tests must not be skipped silently.
/// </summary>
internal static class ChromiumBrowser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's chromium at {ExecutablePath}: run `apt-get update && apt-get install -y chromium` as root (.ci/run does this in CI).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Args = Args, Headless = true });
        return (playwright, browser);
    }

    /// <summary>Where screenshots are kept: <c>TestResults/screenshots</c> under the test output directory.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
