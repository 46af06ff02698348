using System.Text.Json;
using System.Text.RegularExpressions;

namespace Collections.Host.Tests.Infra;

/// <summary>
/// What a Bicep compiler would catch first, checked by reading the text (no compiler can be installed here): each
/// module exists, gets every required parameter and only parameters it declares, the outputs main.bicep reads exist,
/// and the parameter files set only parameters main.bicep has.
/// </summary>
public sealed partial class InfraTemplateWiringTests
{
    private static BicepFile Main => RepositoryFiles.Bicep("infra/main.bicep");

    [Fact]
    public void Modules_ParamsPassed_MatchTheModulesDeclarations()
    {
        var problems = new List<string>();
        foreach (var (symbol, path, body) in Main.Modules)
        {
            var module = RepositoryFiles.Bicep("infra/" + path);
            var declared = module.Params;
            var paramsBlock = BicepFile.Block(body, body.IndexOf("params:", StringComparison.Ordinal) is var at and >= 0 ? body.IndexOf('{', at) : -1);
            var passed = BicepFile.ObjectEntries(paramsBlock).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

            problems.AddRange(passed.Where(p => !declared.ContainsKey(p)).Select(p => $"{symbol}: passes '{p}', which {path} does not declare"));
            problems.AddRange(declared.Where(d => !d.Value && !passed.Contains(d.Key)).Select(d => $"{symbol}: required '{d.Key}' of {path} is not passed"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Modules_OutputsRead_AreDeclared()
    {
        var modules = Main.Modules.ToDictionary(m => m.Symbol, m => RepositoryFiles.Bicep("infra/" + m.Path).Outputs, StringComparer.Ordinal);
        var problems = OutputReferenceRegex().Matches(Main.Code)
            .Select(m => (Symbol: m.Groups["symbol"].Value, Output: m.Groups["output"].Value))
            .Where(r => !modules.TryGetValue(r.Symbol, out var outputs) || !outputs.Contains(r.Output))
            .Select(r => $"{r.Symbol}.outputs.{r.Output}")
            .Distinct()
            .ToList();

        Assert.True(problems.Count == 0, "main.bicep reads outputs no module declares: " + string.Join(", ", problems));
    }

    [Fact]
    public void Templates_EveryParamIsUsed()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var bicep = new BicepFile(file, File.ReadAllText(file));
            foreach (var name in bicep.Params.Keys)
            {
                if (Regex.Matches(bicep.Code, $@"\b{name}\b").Count < 2)
                {
                    problems.Add($"{Path.GetFileName(file)}: param '{name}' is never used");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("infra/main.parameters.dev.json")]
    [InlineData("infra/main.parameters.prod.json")]
    public void ParameterFile_SetsDeclaredParams_AndEveryRequiredOneButSecrets(string path)
    {
        using var doc = JsonDocument.Parse(RepositoryFiles.Read(path));
        var set = doc.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var declared = Main.Params;

        var unknown = set.Where(p => !declared.ContainsKey(p)).ToList();
        Assert.True(unknown.Count == 0, $"{path} sets parameters main.bicep does not declare: " + string.Join(", ", unknown));

        // Secure parameters (API keys) are passed on the command line, never committed.
        var secure = SecureParamRegex().Matches(Main.Code).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(set.Intersect(secure));
        var unset = declared.Where(d => !d.Value && !set.Contains(d.Key) && !secure.Contains(d.Key)).Select(d => d.Key).ToList();
        Assert.True(unset.Count == 0, $"{path} leaves required parameters unset: " + string.Join(", ", unset));
    }

    [Fact]
    public void Resources_EveryTypeHasAnApiVersion()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var bicep = new BicepFile(file, File.ReadAllText(file));
            Assert.All(bicep.Resources, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}(-preview)?$", r.ApiVersion));
        }
    }

    [GeneratedRegex(@"\b(?<symbol>\w+)\.outputs\.(?<output>\w+)")]
    private static partial Regex OutputReferenceRegex();

    [GeneratedRegex(@"@secure\(\)\s*(?:@\w+\([^)]*\)\s*)*param (?<name>\w+)")]
    private static partial Regex SecureParamRegex();
}
