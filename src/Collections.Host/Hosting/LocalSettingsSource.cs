using System.Text.Json;
using Collections.Operations.Hosting;

namespace Collections.Host.Hosting;

/// <summary>
/// Reads the <c>Values</c> of <c>local.settings.json</c> the way the Functions host does, turning
/// <c>Section__Key</c> names into configuration paths (<c>Section:Key</c>). Environment variables are
/// added after it, so they win.
/// </summary>
internal static class LocalSettingsSource
{
    public const string FileName = "local.settings.json";

    /// <summary>The values of the first <c>local.settings.json</c> found in <paramref name="directories"/>, or none.</summary>
    public static IReadOnlyDictionary<string, string?> Load(params string[] directories)
    {
        foreach (var dir in directories.Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(dir, FileName);
            if (File.Exists(path))
            {
                return Parse(File.ReadAllText(path), path);
            }
        }

        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }

    public static Dictionary<string, string?> Parse(string json, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (doc.RootElement.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in v.EnumerateObject())
                {
                    values[p.Name.Replace("__", ":", StringComparison.Ordinal)] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
                }
            }

            return values;
        }
        catch (JsonException ex)
        {
            throw new InvalidSettingsException([$"{path}: not valid JSON ({ex.Message})"]);
        }
    }
}
