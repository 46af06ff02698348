using System.Text.Json.Serialization;

namespace Collections.Host.Cli;

/// <summary>The <c>ingest</c> verb's result document (the JSON shape of issue 4).</summary>
internal sealed record IngestReport(
    string File,
    string Sha256,
    string AsOf,
    bool Valid,
    int Rows,
    IReadOnlyList<IngestReportError> Errors,
    IReadOnlyList<IngestReportAccount> Accounts)
{
    /// <summary>The host's outcome when the file was uploaded (Applied, Rejected, Duplicate, Stale); absent for a dry run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }
}
