using System.Globalization;
using System.Runtime.CompilerServices;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// One cell as the file stores it: CSV gives text only; XLSX may give a number, a date or a boolean.
/// Typed cells are used as such (a date cell is a date whatever its display format). A CSV cell is a
/// slice of the reader's text buffer (or of its row buffer, for a record the general path reads), valid
/// until the next row is read: the validator parses numbers and dates from the span and makes strings
/// only of what it keeps, so a row costs no throw-away strings. Read by reference (<c>in</c>).
/// </summary>
internal readonly struct LedgerCell
{
    // Read and copied once per cell of every row: kept to 32 bytes (the text's source is a string or the
    // reader's buffer; a number or a date shares one 8-byte value).
    private readonly object? _source;
    private readonly int _start;
    private readonly int _length;
    private readonly long _value;

    private LedgerCell(LedgerCellKind kind, object? source, int start, int length, long value, bool flag)
    {
        Kind = kind;
        _source = source;
        _start = start;
        _length = length;
        _value = value;
        Flag = flag;
    }

    public LedgerCellKind Kind { get; }

    /// <summary>The characters of a text cell (untrimmed); empty for other kinds.</summary>
    public ReadOnlySpan<char> Span => _source is char[] chars
        ? new ReadOnlySpan<char>(chars, _start, _length)
        : Unsafe.As<string?>(_source).AsSpan();

    /// <summary>The text of a text cell (untrimmed); allocates for a slice, so read it once.</summary>
    public string? Text => Kind != LedgerCellKind.Text ? null : _source as string ?? new string(Span);

    public bool Flag { get; }

    public DateTime Date => Kind == LedgerCellKind.Date ? Unsafe.BitCast<long, DateTime>(_value) : default;

    public double Number => Kind == LedgerCellKind.Number ? BitConverter.Int64BitsToDouble(_value) : 0;

    public bool IsBlank => Kind == LedgerCellKind.Empty || (Kind == LedgerCellKind.Text && Span.IsWhiteSpace());

    public static LedgerCell Empty => default;

    public static LedgerCell FromText(string? text) =>
        string.IsNullOrEmpty(text) ? default : new(LedgerCellKind.Text, text, 0, text.Length, 0, false);

    /// <summary>A text cell over <paramref name="length"/> characters of <paramref name="chars"/> (not copied).</summary>
    public static LedgerCell FromSlice(char[] chars, int start, int length) =>
        length == 0 ? default : new(LedgerCellKind.Text, chars, start, length, 0, false);

    public static LedgerCell FromNumber(double value) => new(LedgerCellKind.Number, null, 0, 0, BitConverter.DoubleToInt64Bits(value), false);

    public static LedgerCell FromDate(DateTime value) => new(LedgerCellKind.Date, null, 0, 0, Unsafe.BitCast<DateTime, long>(value), false);

    public static LedgerCell FromFlag(bool value) => new(LedgerCellKind.Boolean, null, 0, 0, 0, value);

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
        LedgerCellKind.Text when _source is string text => text.Trim(),
        LedgerCellKind.Text => new string(Span.Trim()),
        LedgerCellKind.Number when TryToDecimal(Number, out var d) => d.ToString("0.############################", CultureInfo.InvariantCulture),
        LedgerCellKind.Number => Number.ToString("G15", CultureInfo.InvariantCulture),
        LedgerCellKind.Date when Date.TimeOfDay == TimeSpan.Zero => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LedgerCellKind.Date => Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        LedgerCellKind.Boolean => Flag ? "TRUE" : "FALSE",
        _ => string.Empty,
    };
}
