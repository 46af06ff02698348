using System.Globalization;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// One cell as the file stores it: CSV gives text only; XLSX may give a number, a date or a boolean.
/// Typed cells are used as such (a date cell is a date whatever its display format).
/// </summary>
internal readonly struct LedgerCell
{
    private readonly double _number;
    private readonly DateTime _date;

    private LedgerCell(LedgerCellKind kind, string? text, double number, DateTime date, bool flag)
    {
        Kind = kind;
        Text = text;
        _number = number;
        _date = date;
        Flag = flag;
    }

    public LedgerCellKind Kind { get; }

    /// <summary>The text of a text cell (untrimmed).</summary>
    public string? Text { get; }

    public bool Flag { get; }

    public DateTime Date => _date;

    public double Number => _number;

    public bool IsBlank => Kind == LedgerCellKind.Empty || (Kind == LedgerCellKind.Text && string.IsNullOrWhiteSpace(Text));

    public static LedgerCell Empty => default;

    public static LedgerCell FromText(string? text) =>
        string.IsNullOrEmpty(text) ? default : new(LedgerCellKind.Text, text, 0, default, false);

    public static LedgerCell FromNumber(double value) => new(LedgerCellKind.Number, null, value, default, false);

    public static LedgerCell FromDate(DateTime value) => new(LedgerCellKind.Date, null, 0, value, false);

    public static LedgerCell FromFlag(bool value) => new(LedgerCellKind.Boolean, null, 0, default, value);

    /// <summary>
    /// A number as Excel displays it: 15 significant digits, so the binary double 0.30000000000000004
    /// becomes 0.3 and 1234567.8899999999 becomes 1234567.89.
    /// </summary>
    /// <remarks>False for values outside the decimal range (1e300) and for NaN or infinity.</remarks>
    public static bool TryToDecimal(double value, out decimal result) =>
        decimal.TryParse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out result);

    /// <summary>The cell as trimmed text (numbers as Excel shows them, dates as yyyy-MM-dd).</summary>
    public string AsText() => Kind switch
    {
        LedgerCellKind.Text => Text!.Trim(),
        LedgerCellKind.Number when TryToDecimal(_number, out var d) => d.ToString("0.############################", CultureInfo.InvariantCulture),
        LedgerCellKind.Number => _number.ToString("G15", CultureInfo.InvariantCulture),
        LedgerCellKind.Date when _date.TimeOfDay == TimeSpan.Zero => _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LedgerCellKind.Date => _date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        LedgerCellKind.Boolean => Flag ? "TRUE" : "FALSE",
        _ => string.Empty,
    };
}
