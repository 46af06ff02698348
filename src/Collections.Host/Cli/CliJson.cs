using System.Text.Encodings.Web;
using System.Text.Json;

namespace Collections.Host.Cli;

/// <summary>The JSON settings of every verb: camelCase, nulls written, readable (CJK unescaped), indented.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document and a newline.</summary>
    public static async Task WriteAsync<T>(TextWriter writer, T document, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(document, Options).AsMemory(), cancellationToken);
    }
}
