using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>
/// The CSV reader has two paths: records whole in its buffer are split 16 characters at a time with cells
/// pointing into the buffer, everything else goes through the general character-by-character path. Whatever
/// the input, both must read the same rows, cells, row numbers and fatal errors: the same text is read once
/// through a reader that hands over everything at once (fast path where it applies) and once through one that
/// hands over a character or two per call (the buffer never holds a whole block, so only the general path runs).
/// </summary>
public sealed class CsvRowReaderPathsTests
{
    private const string Alphabet = "ab ,;\"\"\r\n\n\t中x\u2028\u0085";

    [Fact]
    public void Read_RandomText_SameRowsThroughBothPaths()
    {
        var random = new Random(12);
        for (var i = 0; i < 3_000; i++)
        {
            var text = RandomText(random, random.Next(1, 400));
            AssertSamePaths(text, maxFieldLength: random.Next(2) == 0 ? 1_000 : 8);
        }
    }

    [Fact]
    public void Read_LedgerLikeRecords_SameRowsThroughBothPaths()
    {
        var random = new Random(7);
        var builder = new StringBuilder("entity,customer_id,customer_name,amount,note\r\n");
        for (var row = 0; row < 2_000; row++)
        {
            var quotedAmount = random.Next(3) == 0 ? $"\"{random.Next(1_000_000):N2}\"" : random.Next(1_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var note = random.Next(20) switch
            {
                0 => "\"with \"\"quotes\"\"\"",
                1 => "\"two\nlines\"",
                2 => "\"a\"b",
                3 => "a\"b",
                4 => "   ",
                5 => "\"\"",
                _ => "plain",
            };
            builder.Append(random.Next(2) == 0 ? "SH01" : "上海").Append(",K-").Append(row % 37).Append(",\"Acme, Ltd.\",").Append(quotedAmount).Append(',').Append(note)
                .Append(random.Next(4) == 0 ? "\n" : random.Next(3) == 0 ? "\r" : "\r\n");
            if (random.Next(50) == 0)
            {
                builder.Append(",,,,\r\n");
            }
        }

        AssertSamePaths(builder.ToString(), maxFieldLength: 1_000);
    }

    [Fact]
    public void Read_WantedColumnsOnly_BlankRowsJudgedOnThoseColumns()
    {
        const string text = "a,b,c\r\n1,2,3\r\n ,x, \r\n4,5,6\r\n";

        foreach (var trickle in new[] { false, true })
        {
            using var reader = new CsvRowReader(trickle ? new TrickleReader(text) : new StringReader(text), 1_000);
            reader.SetWantedColumns([true, false, true]);
            var rows = ReadAll(reader);

            // The middle data row has text only in an unwanted column: blank, so skipped (but counted).
            Assert.Equal(["1|a||c", "2|1||3", "4|4||6"], rows);
        }
    }

    private static void AssertSamePaths(string text, int maxFieldLength)
    {
        using var whole = new CsvRowReader(new StringReader(text), maxFieldLength);
        using var trickled = new CsvRowReader(new TrickleReader(text), maxFieldLength);

        var expected = ReadAll(trickled);
        var actual = ReadAll(whole);

        Assert.Equal(expected, actual);
        Assert.True(Equals(trickled.FatalError, whole.FatalError), $"{System.Text.Json.JsonSerializer.Serialize(text)}: {trickled.FatalError} vs {whole.FatalError}");
    }

    private static List<string> ReadAll(CsvRowReader reader)
    {
        var rows = new List<string>();
        while (reader.TryReadRow(out var row, out var cells, out var count))
        {
            rows.Add(row + "|" + string.Join("|", cells.Take(count).Select(c => c.Kind == LedgerCellKind.Text ? c.Span.ToString() : string.Empty)));
        }

        return rows;
    }

    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Mostly text, so records are long enough for the buffered path; special characters often enough to matter.
            chars[i] = random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)] : (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    // Hands over one or two characters per call.
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, 1 + (_position % 2)), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Peek() => _position < text.Length ? text[_position] : -1;
    }
}
