namespace Collections.Pipeline.Ingest;

/// <summary>The container format of a ledger file, detected from its bytes.</summary>
public enum LedgerFileFormat
{
    /// <summary>Nothing readable (empty or rejected before the format was known).</summary>
    Unknown,

    /// <summary>Delimited text.</summary>
    Csv,

    /// <summary>An Excel workbook (XLSX; legacy XLS is read the same way).</summary>
    Xlsx,
}
