using System.Text.Json;

namespace Collections.Operations.Apis.Models;

/// <summary>A ledger file with its report (the JSON document from the report blob, as written by ingest).</summary>
internal sealed record LedgerFileDetailDto(LedgerFileDto File, JsonElement? Report, string? ReportError);
