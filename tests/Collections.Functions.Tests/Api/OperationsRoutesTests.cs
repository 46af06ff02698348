using Collections.Functions.Api;

namespace Collections.Functions.Tests.Api;

public sealed class OperationsRoutesTests
{
    [Fact]
    public void All_NamesUniqueAndEveryMethodAndTemplatePairOnce()
    {
        Assert.Equal(OperationsRoutes.All.Count, OperationsRoutes.All.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(OperationsRoutes.All.Count, OperationsRoutes.All.Select(r => r.Method + " " + r.Template).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("RaisePromise", new[] { "instanceId" })]
    [InlineData("GetLedgerFile", new[] { "id" })]
    [InlineData("ListCases", new string[0])]
    public void Parameters_Template_NamesOfItsRouteParameters(string route, string[] expected) =>
        Assert.Equal(expected, OperationsRoutes.Named(route).Parameters);

    [Fact]
    public void Policies_OperatorRoutesAlsoRequireRead_HealthAnonymous()
    {
        Assert.Empty(OperationsRoutes.Named("Health").Policies);
        Assert.All(OperationsRoutes.All.Where(r => r.Method == "POST"), r => Assert.Equal([OperationsRoutes.ReadPolicy, OperationsRoutes.ActPolicy], r.Policies));
        Assert.All(OperationsRoutes.All.Where(r => r.Method == "GET" && r.Name != "Health"), r => Assert.Equal([OperationsRoutes.ReadPolicy], r.Policies));
    }
}
