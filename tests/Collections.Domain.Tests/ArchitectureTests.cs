using System.Reflection;
using Collections.Domain.Cases;

namespace Collections.Domain.Tests;

public sealed class ArchitectureTests
{
    private static readonly string[] ForbiddenPrefixes = ["Azure", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Net.Http", "System.Net"];

    [Fact]
    public void DomainAssembly_ReferencesNoAzureAspNetOrHttpAssembly()
    {
        var references = typeof(CaseMachine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var forbidden = references.Where(r => ForbiddenPrefixes.Any(p => r.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.Empty(forbidden);
        Assert.Contains("System.Runtime", references);
    }

    [Fact]
    public void DomainTypes_UseNoAzureAspNetOrHttpTypes()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(CaseMachine).Assembly.GetTypes())
        {
            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetProperties(all).Select(p => p.PropertyType))
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Append(type.BaseType ?? typeof(object));
            offenders.AddRange(used
                .Where(t => t.Namespace is { } ns && ForbiddenPrefixes.Any(p => ns.StartsWith(p, StringComparison.Ordinal)))
                .Select(t => $"{type.FullName} uses {t.FullName}"));
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void DomainProject_HasNoPackageOrProjectReferences()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "CollectionsFunctions.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        var csproj = File.ReadAllText(Path.Combine(dir, "src", "Collections.Domain", "Collections.Domain.csproj"));
        Assert.DoesNotContain("<PackageReference", csproj, StringComparison.Ordinal);
        Assert.DoesNotContain("<ProjectReference", csproj, StringComparison.Ordinal);
    }
}
