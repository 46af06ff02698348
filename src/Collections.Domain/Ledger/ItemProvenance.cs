namespace Collections.Domain.Ledger;

/// <summary>Where a ledger item came from: the file, its SHA-256 and the spreadsheet row (header = 1).</summary>
public sealed record ItemProvenance(string FileName, string Sha256, int Row);
