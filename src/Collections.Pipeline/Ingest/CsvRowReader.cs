using System.Buffers;
using System.Globalization;
using System.Text;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// A streaming CSV reader: delimiter (<c>,</c> <c>;</c> or tab) detected from the header line, RFC 4180
/// quoting (embedded delimiters, <c>""</c>, newlines), CRLF, LF or CR line ends. Holds one buffer and
/// one row at a time; fields longer than a cap stop the read (an unbalanced quote would otherwise
/// swallow the rest of the file into memory). Most records take the vectorised fast path
/// (CsvRowReader.Buffered.cs); this file's general path reads the rest and defines what is read.
/// </summary>
internal sealed partial class CsvRowReader : ILedgerRowReader
{
    /// <summary>Most columns a row may have; more is refused, never silently cut.</summary>
    public const int MaxColumns = 1024;
    private const int MaxHeaderScan = 1024 * 1024;

    private readonly TextReader _reader;
    private readonly int _maxFieldLength;
    // The delimiter, quote and line ends: ASCII only, so the search takes the runtime's fastest vectorised path.
    private SearchValues<char>? _special;
    private char[] _row = new char[1024];
    private int _rowLength;
    private int _fieldStart;
    private char[] _buffer = new char[64 * 1024];
    private int _pos;
    private int _len;
    private bool _eof;
    private int _records;
    private LedgerCell[] _cells = new LedgerCell[32];
    private bool[]? _wanted;

    public CsvRowReader(TextReader reader, int maxFieldLength)
    {
        _reader = reader;
        _maxFieldLength = maxFieldLength;
    }

    public LedgerError? FatalError { get; private set; }

    /// <summary>The delimiter in use, known after the first row has been read.</summary>
    public char? Delimiter { get; private set; }

    /// <summary>Limits text materialisation to the columns the header mapped (null = all).</summary>
    public void SetWantedColumns(bool[]? wanted) => _wanted = wanted;

    public bool TryReadRow(out int rowNumber, out LedgerCell[] cells, out int cellCount)
    {
        cells = _cells;
        while (FatalError is null)
        {
            Delimiter ??= DetectDelimiter();
            if (!ReadRecord(out cellCount, out var blank))
            {
                break;
            }

            if (!blank)
            {
                rowNumber = _records;
                cells = _cells;
                return true;
            }
        }

        rowNumber = _records;
        cellCount = 0;
        return false;
    }

    public void Dispose() => _reader.Dispose();

    private bool ReadRecord(out int cellCount, out bool blank)
    {
        var delimiter = Delimiter ?? ',';
        _special ??= SearchValues.Create([delimiter, '"', '\r', '\n']);
        if (TryReadBuffered(delimiter, out cellCount, out blank))
        {
            return true;
        }

        var column = 0;
        var fieldLength = 0;
        var fieldStarted = false;
        var inQuotes = false;
        var anyChar = false;
        var startRow = _records + 1;
        blank = true;
        cellCount = 0;
        _rowLength = 0;
        _fieldStart = 0;

        while (true)
        {
            if (_pos >= _len && !Fill())
            {
                if (FatalError is not null)
                {
                    return false;
                }

                if (inQuotes)
                {
                    Fail(LedgerErrorCode.Malformed, startRow, "unterminated quoted field: the file ends inside quotes");
                    return false;
                }

                if (!anyChar)
                {
                    return false;
                }

                _records++;
                EndField(column++, ref blank);
                return EndRecord(column, out cellCount);
            }

            anyChar = true;
            var rest = _buffer.AsSpan(_pos, _len - _pos);
            if (inQuotes)
            {
                // Copy up to the next quote in one go; "" is a quote, a lone " ends the quoted part.
                var quote = rest.IndexOf('"');
                var chunk = quote < 0 ? rest : rest[..quote];
                Append(column, chunk, ref fieldLength);
                _pos += chunk.Length;
                if (quote >= 0)
                {
                    _pos++;
                    if (_pos >= _len && !Fill() && FatalError is not null)
                    {
                        return false;
                    }

                    if (_pos < _len && _buffer[_pos] == '"')
                    {
                        _pos++;
                        Append(column, "\"", ref fieldLength);
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
            }
            else
            {
                // Copy up to the next delimiter, quote or line end in one go.
                var special = rest.IndexOfAny(_special);
                var separator = NextSeparator(_pos) - _pos;
                if (separator < rest.Length && (special < 0 || separator < special))
                {
                    special = separator;
                }

                var chunk = special < 0 ? rest : rest[..special];
                if (chunk.Length > 0)
                {
                    Append(column, chunk, ref fieldLength);
                    _pos += chunk.Length;
                    fieldStarted = true;
                    if (fieldLength > _maxFieldLength)
                    {
                        // Before the character that ended the chunk: the verdict must not depend on how the text was buffered.
                        FailTooLong(startRow);
                        return false;
                    }
                }

                if (special >= 0)
                {
                    var c = _buffer[_pos++];
                    if (c == delimiter)
                    {
                        EndField(column++, ref blank);
                        fieldLength = 0;
                        fieldStarted = false;
                        continue;
                    }

                    if (c is '\n' or '\r')
                    {
                        if (c == '\r')
                        {
                            if (_pos >= _len)
                            {
                                Fill();
                            }

                            if (_pos < _len && _buffer[_pos] == '\n')
                            {
                                _pos++;
                            }
                        }

                        _records++;
                        EndField(column++, ref blank);
                        return EndRecord(column, out cellCount);
                    }

                    if (c == '"')
                    {
                        // A quote opens quoting only at the start of a field; elsewhere it is text.
                        if (fieldStarted)
                        {
                            Append(column, "\"", ref fieldLength);
                        }
                        else
                        {
                            inQuotes = true;
                        }

                        fieldStarted = true;
                    }
                    else
                    {
                        // Unicode line separators are not CSV line ends; reading on would silently merge every row into one.
                        Fail(LedgerErrorCode.Malformed, startRow, string.Create(CultureInfo.InvariantCulture,
                            $"a Unicode line separator (U+{(int)c:X4}) outside quotes: CSV rows end with CRLF or LF; save the file again with ordinary line ends"));
                        return false;
                    }
                }
            }

            if (fieldLength > _maxFieldLength)
            {
                FailTooLong(startRow);
                return false;
            }
        }
    }

    private bool EndRecord(int columns, out int cellCount)
    {
        cellCount = Math.Min(columns, MaxColumns);
        if (columns <= MaxColumns)
        {
            return true;
        }

        Fail(LedgerErrorCode.TooLarge, _records, string.Create(CultureInfo.InvariantCulture,
            $"{columns} columns in this row; at most {MaxColumns} columns are read, so the file is refused rather than losing the rest"));
        return false;
    }

    private bool Wanted(int column) => column < MaxColumns && (_wanted is null || (column < _wanted.Length && _wanted[column]));

    // Only wanted columns are copied, into one buffer per row that the row's cells point into.
    private void Append(int column, ReadOnlySpan<char> chars, ref int fieldLength)
    {
        fieldLength += chars.Length;
        if (!Wanted(column))
        {
            return;
        }

        if (_rowLength + chars.Length > _row.Length)
        {
            // A new array: cells already made point into the old one, which stays as it was.
            var bigger = new char[Math.Max(_row.Length * 2, _rowLength + chars.Length)];
            _row.AsSpan(0, _rowLength).CopyTo(bigger);
            _row = bigger;
        }

        chars.CopyTo(_row.AsSpan(_rowLength));
        _rowLength += chars.Length;
    }

    private void EndField(int column, ref bool blank)
    {
        var start = _fieldStart;
        _fieldStart = _rowLength;
        if (column >= MaxColumns)
        {
            return;
        }

        if (column >= _cells.Length)
        {
            Array.Resize(ref _cells, Math.Min(MaxColumns, _cells.Length * 2));
        }

        var length = _rowLength - start;
        if (length > 0 && Wanted(column))
        {
            _cells[column] = LedgerCell.FromSlice(_row, start, length);
            if (blank && !_row.AsSpan(start, length).IsWhiteSpace())
            {
                blank = false;
            }
        }
        else
        {
            _cells[column] = LedgerCell.Empty;
        }
    }

    private void FailTooLong(int row) => Fail(LedgerErrorCode.Malformed, row, string.Create(CultureInfo.InvariantCulture,
        $"a field longer than {_maxFieldLength} characters (an unbalanced quote?); reading stopped"));

    private void Fail(LedgerErrorCode code, int row, string message)
    {
        _eof = true;
        FatalError ??= new LedgerError(code, row, null, null, message);
    }
}
