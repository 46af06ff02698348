using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Operations.Dashboard;
using Collections.Host.Tests.Infra;

namespace Collections.Host.Tests.Dashboard;

/// <summary>The vendored chart.js is the version package.json pins, carries its licence, and is what the dashboard serves.</summary>
public sealed partial class ChartJsVendorTests
{
    private const string Vendored = "src/Collections.Operations/Dashboard/vendor/chart.js/chart.umd.min.js";

    [Fact]
    public void VendoredChartJs_Banner_MatchesThePinInPackageJson()
    {
        using var package = JsonDocument.Parse(RepositoryFiles.Read("package.json"));
        var pinned = package.RootElement.GetProperty("devDependencies").TryGetProperty("chart.js", out var dev)
            ? dev.GetString()
            : package.RootElement.GetProperty("dependencies").GetProperty("chart.js").GetString();

        var banner = Banner().Match(RepositoryFiles.Read(Vendored));

        Assert.True(banner.Success, "the vendored file has no 'Chart.js vX.Y.Z' banner");
        Assert.Equal(pinned, banner.Groups["version"].Value);
    }

    [Fact]
    public void VendoredChartJs_License_IsKeptBesideIt()
    {
        var license = RepositoryFiles.Read("src/Collections.Operations/Dashboard/vendor/chart.js/LICENSE.md");

        Assert.Contains("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Chart.js Contributors", license, StringComparison.Ordinal);
    }

    [Fact]
    public void VendoredChartJs_WhenNodeModulesAreInstalled_IsByteIdenticalToThePackage()
    {
        var installed = RepositoryFiles.PathOf("node_modules/chart.js/dist/chart.umd.min.js");
        if (!File.Exists(installed))
        {
            // A fresh clone without npm ci: the banner test above still ties the file to the pin.
            Assert.False(Directory.Exists(RepositoryFiles.PathOf("node_modules/chart.js")));
            return;
        }

        Assert.Equal(File.ReadAllBytes(installed), File.ReadAllBytes(RepositoryFiles.PathOf(Vendored)));
    }

    [Fact]
    public void DashboardAssets_ChartJs_IsEmbeddedFromTheVendoredFile()
    {
        var asset = DashboardAssets.Get("chart.umd.min.js");

        Assert.NotNull(asset);
        Assert.Equal(File.ReadAllBytes(RepositoryFiles.PathOf(Vendored)), asset.Value.Content);
        Assert.StartsWith("text/javascript", asset.Value.ContentType, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Chart\.js v(?<version>\d+\.\d+\.\d+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Banner();
}
