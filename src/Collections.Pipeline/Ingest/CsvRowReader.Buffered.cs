using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// The reader's fast path for the common record: whole in the buffer, its fields unquoted or quoted without
/// <c>""</c> inside. The buffer is scanned 16 characters at a time for the delimiter, quotes and line ends
/// (one vector compare per character class, then the set bits in order), and the cells point into the buffer
/// itself (no copy; valid until the next read, as <see cref="ILedgerRowReader"/> says). Hand-written: Sep reads
/// this way, but its quoting rules are not ours (a quote inside a field is text here, a Unicode line separator an error).
/// </summary>
internal sealed partial class CsvRowReader
{
    private const int Block = 16;

    /// <summary>Whether records may take the fast path (tests turn it off to read through the general path only).</summary>
    internal bool UseBufferedPath { get; init; } = true;

    /// <summary>Records read by the fast path so far (tests check that it was taken).</summary>
    internal int BufferedRecords { get; private set; }

    // Reads the record at _pos when it is a common one. Anything else (a record running past the buffer's last
    // whole block, "" or a quote inside a field, text after a closing quote, a Unicode line separator, an
    // overlong field, too many columns) returns false having changed nothing but cells the general path rewrites.
    private bool TryReadBuffered(char delimiter, out int cellCount, out bool blank)
    {
        blank = true;
        cellCount = 0;
        if (!UseBufferedPath || !Vector256.IsHardwareAccelerated)
        {
            return false;
        }

        var text = _buffer.AsSpan(0, _len);
        var delimiters = Vector256.Create((ushort)delimiter);
        var quotes = Vector256.Create((ushort)'"');
        var returns = Vector256.Create((ushort)'\r');
        var newlines = Vector256.Create((ushort)'\n');
        var column = 0;
        var fieldStart = _pos;
        var closingQuote = -1;
        var quoted = false;
        var block = _pos - Block; // the first block read is the one at _pos
        uint mask = 0;
        while (true)
        {
            while (mask == 0)
            {
                block += Block;
                if (block + Block > text.Length)
                {
                    return false;
                }

                var chars = Vector256.Create(MemoryMarshal.Cast<char, ushort>(text.Slice(block, Block)));
                mask = (Vector256.Equals(chars, delimiters) | Vector256.Equals(chars, quotes) | Vector256.Equals(chars, returns) | Vector256.Equals(chars, newlines))
                    .ExtractMostSignificantBits();
            }

            var at = block + BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var c = text[at];
            if (quoted)
            {
                // Inside quotes only the closing quote counts; it must end the field (checked at the next special).
                if (c == '"')
                {
                    quoted = false;
                    closingQuote = at;
                }

                continue;
            }

            if (c == '"')
            {
                if (at != fieldStart)
                {
                    return false;
                }

                quoted = true;
                continue;
            }

            int start;
            int length;
            if (closingQuote >= 0)
            {
                if (at != closingQuote + 1)
                {
                    return false;
                }

                start = fieldStart + 1;
                length = closingQuote - start;
            }
            else
            {
                start = fieldStart;
                length = at - start;
            }

            if (length > _maxFieldLength || column >= MaxColumns)
            {
                return false;
            }

            if (column >= _cells.Length)
            {
                Array.Resize(ref _cells, Math.Min(MaxColumns, _cells.Length * 2));
            }

            if (length > 0 && Wanted(column))
            {
                _cells[column] = LedgerCell.FromSlice(_buffer, start, length);
                blank = blank && text.Slice(start, length).IsWhiteSpace();
            }
            else
            {
                _cells[column] = LedgerCell.Empty;
            }

            column++;
            fieldStart = at + 1;
            closingQuote = -1;
            if (c == delimiter)
            {
                continue;
            }

            var end = at + 1;
            if (c == '\r')
            {
                if (end >= text.Length)
                {
                    return false;
                }

                if (text[end] == '\n')
                {
                    end++;
                }
            }

            // A Unicode line separator outside quotes is an error the general path reports (inside quotes it is
            // text, and the general path reads that record too: rare either way).
            if (NextSeparator(_pos) < end)
            {
                return false;
            }

            _pos = end;
            _records++;
            BufferedRecords++;
            cellCount = column;
            return true;
        }
    }
}
