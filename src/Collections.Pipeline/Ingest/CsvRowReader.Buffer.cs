using System.Buffers;
using System.Text;

namespace Collections.Pipeline.Ingest;

/// <summary>The reader's text buffer: delimiter detection on the header line, refills, where the next Unicode line separator is.</summary>
internal sealed partial class CsvRowReader
{
    private static readonly SearchValues<char> UnicodeSeparators = SearchValues.Create(['\u0085', '\u2028', '\u2029']);

    // Where the next Unicode line separator is in the buffer (at or after _pos; _len when there is none), or -1
    // when not known since the buffer changed: found once per buffer, not searched for with every field.
    private int _nextSeparator = -1;

    // Counts candidate delimiters outside quotes on the first non-blank line; the most frequent wins
    // (ties: tab, then semicolon, then comma: a header with one ';' and no ',' is a ';' file).
    private char DetectDelimiter()
    {
        var scan = _pos;
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        var content = false;
        while (true)
        {
            if (scan >= _len)
            {
                if (_len - _pos >= MaxHeaderScan || !FillMore())
                {
                    break;
                }

                continue;
            }

            var c = _buffer[scan++];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\n' or '\r')
            {
                if (content)
                {
                    break;
                }
            }
            else if (!inQuotes)
            {
                switch (c)
                {
                    case ',': commas++; break;
                    case ';': semicolons++; break;
                    case '\t': tabs++; break;
                }

                content |= !char.IsWhiteSpace(c);
            }
        }

        if (tabs > 0 && tabs >= semicolons && tabs >= commas)
        {
            return '\t';
        }

        return semicolons > commas ? ';' : ',';
    }

    // Refills an empty buffer.
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        _pos = 0;
        _len = 0;
        _nextSeparator = -1;
        return FillMore();
    }

    // Appends more text after the buffered (unconsumed) text, growing the buffer when full.
    private bool FillMore()
    {
        if (_eof || FatalError is not null)
        {
            return false;
        }

        if (_pos > 0)
        {
            Array.Copy(_buffer, _pos, _buffer, 0, _len - _pos);
            _len -= _pos;
            _pos = 0;
        }

        if (_len == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        _nextSeparator = -1;
        int read;
        try
        {
            read = _reader.Read(_buffer, _len, _buffer.Length - _len);
        }
        catch (DecoderFallbackException)
        {
            Fail(LedgerErrorCode.Encoding, _records + 1, "the bytes are not valid text in the file's encoding");
            return false;
        }

        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _len += read;
        return true;
    }

    // The buffer index of the next Unicode line separator at or after `from` (_len when there is none).
    private int NextSeparator(int from)
    {
        if (_nextSeparator < from)
        {
            var found = _buffer.AsSpan(from, _len - from).IndexOfAny(UnicodeSeparators);
            _nextSeparator = found < 0 ? _len : from + found;
        }

        return _nextSeparator;
    }
}
