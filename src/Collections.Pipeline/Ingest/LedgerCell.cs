using System.Globalization;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// One cell as the file stores it: CSV gives text only; XLSX may give a number, a date or a boolean.
/// Typed cells are used as such (a date cell is a date whatever its display format). A CSV cell is a
/// slice of the reader's row buffer, valid until the next row is read: the validator parses numbers and
/// dates from the span and makes strings only of what it keeps, so a row costs no throw-away strings.
/// </summary>
internal readonly struct LedgerCell
{
    private readonly string? _text;
    private readonly char[]? _chars;
    private readonly int _start;
    private readonly int _length;
    private readonly double _number;
    private readonly DateTime _date;

    private LedgerCell(LedgerCellKind kind, string? text, char[]? chars, int start, int length, double number, DateTime date, bool flag)
    {
        Kind = kind;
        _text = text;
        _chars = chars;
        _start = start;
        _length = length;
        _number = number;
        _date = date;
        Flag = flag;
    }

    public LedgerCellKind Kind { get; }

    /// <summary>The characters of a text cell (untrimmed); empty for other kinds.</summary>
    public ReadOnlySpan<char> Span => _text is not null ? _text.AsSpan() : _chars.AsSpan(_start, _length);

    /// <summary>The text of a text cell (untrimmed); allocates for a slice, so read it once.</summary>
    public string? Text => Kind != LedgerCellKind.Text ? null : _text ?? new string(Span);

    public bool Flag { get; }

    public DateTime Date => _date;

    public double Number => _number;

    public bool IsBlank => Kind == LedgerCellKind.Empty || (Kind == LedgerCellKind.Text && Span.IsWhiteSpace());

    public static LedgerCell Empty => default;

    public static LedgerCell FromText(string? text) =>
        string.IsNullOrEmpty(text) ? default : new(LedgerCellKind.Text, text, null, 0, text.Length, 0, default, false);

    /// <summary>A text cell over <paramref name="length"/> characters of <paramref name="chars"/> (not copied).</summary>
    public static LedgerCell FromSlice(char[] chars, int start, int length) =>
        length == 0 ? default : new(LedgerCellKind.Text, null, chars, start, length, 0, default, false);

    public static LedgerCell FromNumber(double value) => new(LedgerCellKind.Number, null, null, 0, 0, value, default, false);

    public static LedgerCell FromDate(DateTime value) => new(LedgerCellKind.Date, null, null, 0, 0, 0, value, false);

    public static LedgerCell FromFlag(bool value) => new(LedgerCellKind.Boolean, null, null, 0, 0, 0, default, value);

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
        LedgerCellKind.Text when _text is not null => _text.Trim(),
        LedgerCellKind.Text => new string(Span.Trim()),
        LedgerCellKind.Number when TryToDecimal(_number, out var d) => d.ToString("0.############################", CultureInfo.InvariantCulture),
        LedgerCellKind.Number => _number.ToString("G15", CultureInfo.InvariantCulture),
        LedgerCellKind.Date when _date.TimeOfDay == TimeSpan.Zero => _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LedgerCellKind.Date => _date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        LedgerCellKind.Boolean => Flag ? "TRUE" : "FALSE",
        _ => string.Empty,
    };
}
