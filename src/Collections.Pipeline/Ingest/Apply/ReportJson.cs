using System.Text.Json;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>The JSON settings of the error reports and summaries written next to a processed or rejected file.</summary>
internal static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
