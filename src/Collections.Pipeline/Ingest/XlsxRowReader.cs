using ExcelDataReader;

namespace Collections.Pipeline.Ingest;

/// <summary>Streams the first worksheet of an XLSX (or XLS) workbook with cells as Excel typed them.</summary>
internal sealed class XlsxRowReader : ILedgerRowReader
{
    private readonly IExcelDataReader _reader;
    private LedgerCell[] _cells = new LedgerCell[32];
    private int _row;

    private XlsxRowReader(IExcelDataReader reader) => _reader = reader;

    public LedgerError? FatalError { get; private set; }

    /// <summary>Opens the workbook; a stream that is not a workbook gives a reader with a fatal error.</summary>
    public static XlsxRowReader Open(Stream seekableContent)
    {
        CodePages.EnsureRegistered();
        try
        {
            var reader = ExcelReaderFactory.CreateReader(seekableContent, new ExcelReaderConfiguration { LeaveOpen = true });
            return new XlsxRowReader(reader);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // ExcelDataReader reports a corrupt or foreign file through assorted exception types.
            return new XlsxRowReader(null!)
            {
                FatalError = new LedgerError(LedgerErrorCode.NotALedger, null, null, null, "not a readable XLSX workbook (" + ex.GetType().Name + ")"),
            };
        }
    }

    public bool TryReadRow(out int rowNumber, out LedgerCell[] cells, out int cellCount)
    {
        cells = _cells;
        cellCount = 0;
        rowNumber = _row;
        if (FatalError is not null)
        {
            return false;
        }

        try
        {
            while (_reader.Read())
            {
                _row++;
                var count = _reader.FieldCount;
                if (count > _cells.Length)
                {
                    Array.Resize(ref _cells, count);
                }

                var blank = true;
                for (var i = 0; i < count; i++)
                {
                    _cells[i] = ToCell(_reader.GetValue(i));
                    blank &= _cells[i].IsBlank;
                }

                if (!blank)
                {
                    rowNumber = _row;
                    cells = _cells;
                    cellCount = count;
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            FatalError = new LedgerError(LedgerErrorCode.Malformed, _row + 1, null, null, "the worksheet cannot be read from this row on (" + ex.GetType().Name + ")");
        }

        rowNumber = _row;
        return false;
    }

    public void Dispose() => _reader?.Dispose();

    private static LedgerCell ToCell(object? value) => value switch
    {
        null => LedgerCell.Empty,
        string s => LedgerCell.FromText(s),
        double d => LedgerCell.FromNumber(d),
        DateTime dt => LedgerCell.FromDate(dt),
        bool b => LedgerCell.FromFlag(b),
        int i => LedgerCell.FromNumber(i),
        TimeSpan t => LedgerCell.FromText(t.ToString()),
        _ => LedgerCell.FromText(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
