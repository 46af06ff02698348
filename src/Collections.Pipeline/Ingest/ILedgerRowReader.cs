namespace Collections.Pipeline.Ingest;

/// <summary>Streams the rows of one worksheet or CSV file, one at a time.</summary>
internal interface ILedgerRowReader : IDisposable
{
    /// <summary>Set when reading stopped because the file is unreadable from this point on.</summary>
    LedgerError? FatalError { get; }

    /// <summary>
    /// Reads the next row that is not entirely blank. <paramref name="rowNumber"/> is its spreadsheet row
    /// (blank rows and multi-line quoted fields are counted as a spreadsheet shows them). The returned
    /// array is reused by the next call. Returns false at the end of the data or on a fatal error.
    /// </summary>
    bool TryReadRow(out int rowNumber, out LedgerCell[] cells, out int cellCount);
}
