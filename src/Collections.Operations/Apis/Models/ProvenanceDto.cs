namespace Collections.Operations.Apis.Models;

/// <summary>The ledger file and row an item came from.</summary>
internal sealed record ProvenanceDto(string FileName, string Sha256, int Row);
