using System.Text.Json;

namespace Collections.Functions.Tests.Hosting;

/// <summary>The build's generated <c>functions.metadata</c>: what the Functions host indexes, function by function.</summary>
internal static class FunctionsMetadata
{
    public static IReadOnlyDictionary<string, JsonElement[]> AllFunctions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.AppOutput("functions.metadata")));
        return doc.RootElement.EnumerateArray().ToDictionary(
            f => f.GetProperty("name").GetString()!,
            f => f.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToArray(),
            StringComparer.Ordinal);
    }

    public static JsonElement Trigger(string function)
    {
        Assert.True(AllFunctions().TryGetValue(function, out var bindings), $"functions.metadata has no function {function}");
        return Assert.Single(bindings, b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    public static string? Text(JsonElement binding, string property) =>
        binding.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static IReadOnlyList<string> NamesWithTrigger(string type) =>
        [.. AllFunctions().Where(f => f.Value.Any(b => Text(b, "type") == type)).Select(f => f.Key).Order(StringComparer.Ordinal)];
}
