using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text;
using Collections.Pipeline.Ingest;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>
/// The CSV reader has two paths: records whole in its buffer are split 16 characters at a time with cells
/// pointing into the buffer, everything else goes through the general character-by-character path. Whatever
/// the input, both must read the same rows, cells, row numbers and fatal errors. Each text is read through the
/// general path alone (the reference) and with the fast path on, handed over whole and in pieces of every size
/// from 1 to 40 characters (so the fallback at the buffer's end is met at every offset), with random wanted columns.
/// </summary>
public sealed class CsvRowReaderPathsTests
{
    private const string Specials = ",;\"\"\"\r\n\n\t ";

    [Fact]
    public void Read_RandomText_SameRowsThroughBothPaths()
    {
        var random = new Random(12);
        var buffered = 0;
        var rows = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var text = RandomText(random);
            var (read, fast) = AssertSamePaths(text, maxFieldLength: random.Next(3) == 0 ? 12 : 1_000, Wanted(random), random);
            rows += read;
            buffered += fast;
        }

        // Without 256-bit vectors (e.g. some ARM machines) only the general path runs; the comparison above still holds.
        Assert.True(!Vector256.IsHardwareAccelerated || buffered > rows / 2, $"the fast path read {buffered} of {rows} rows");
    }

    [Fact]
    public void Read_LedgerLikeRecords_SameRowsThroughBothPaths()
    {
        var random = new Random(7);
        var builder = new StringBuilder("entity,customer_id,customer_name,amount,note\r\n");
        for (var row = 0; row < 2_000; row++)
        {
            var quotedAmount = random.Next(3) == 0 ? $"\"{random.Next(1_000_000):N2}\"" : random.Next(1_000).ToString(CultureInfo.InvariantCulture);
            var note = random.Next(20) switch
            {
                0 => "\"with \"\"quotes\"\"\"",
                1 => "\"two\nlines\"",
                2 => "\"a\"b",
                3 => "a\"b",
                4 => "   ",
                5 => "\"\"",
                6 => "\"a\u2028b\"",
                _ => "plain",
            };
            builder.Append(random.Next(2) == 0 ? "SH01" : "上海").Append(",K-").Append(row % 37).Append(",\"Acme, Ltd.\",").Append(quotedAmount).Append(',').Append(note)
                .Append(random.Next(4) == 0 ? "\n" : random.Next(3) == 0 ? "\r" : "\r\n");
            if (random.Next(50) == 0)
            {
                builder.Append(",,,,\r\n");
            }
        }

        var (rows, fast) = AssertSamePaths(builder.ToString(), maxFieldLength: 1_000, wanted: null, random);

        Assert.True(!Vector256.IsHardwareAccelerated || fast > rows / 2, $"the fast path read {fast} of {rows} rows");
    }

    // Each edge case sits between rows long enough that the record is not in the buffer's last partial block.
    [Theory]
    [InlineData("\"aaaaaaaaaaaaaa\",x\n")] // the closing quote ends a 16-character block, the delimiter starts the next
    [InlineData("aaaaaaaaaaaaaaa\r\nb,c\n")] // CR ends a block, LF starts the next
    [InlineData("\"a\u2028b\",c\n")] // a Unicode line separator inside quotes is text
    [InlineData("ab\u2028c,d\n")] // outside quotes it stops the read
    [InlineData("\"\",x\n")]
    [InlineData("\"\"\"\",x\n")]
    [InlineData("\"a\"\"b\",x\n")]
    [InlineData("\"a\" ,x\n")]
    [InlineData(" \"a\",x\n")]
    [InlineData("\"x\r\ny,z\",w\n")]
    [InlineData(" ,x, \n")] // blank in the wanted columns, text in the unwanted one
    [InlineData("123456789012,x\n")] // exactly the field cap
    [InlineData("1234567890123,x\n")] // one over it
    [InlineData("\"123456789012\",x\n")]
    [InlineData("\"1234567890123\",x\n")]
    [InlineData("a,1234567890123\n")] // over the cap in an unwanted column still counts
    public void Read_EdgeCase_SameRowsThroughBothPaths(string record)
    {
        var padding = "pad,ding,row,of,some,length\r\n";
        var text = "a,b,c\r\n" + padding + padding + record + padding + padding;

        AssertSamePaths(text, maxFieldLength: 12, wanted: [true, false, true], new Random(1));
        AssertSamePaths(text, maxFieldLength: 12, wanted: null, new Random(2));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(CsvRowReader.MaxColumns)]
    [InlineData(CsvRowReader.MaxColumns + 1)]
    public void Read_ManyColumns_SameRowsThroughBothPaths(int columns)
    {
        var row = string.Join(',', Enumerable.Range(0, columns).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "\r\n";

        AssertSamePaths(row + row + row, maxFieldLength: 1_000, wanted: null, new Random(3));
    }

    [Fact]
    public void Read_WantedColumnsOnly_BlankRowsJudgedOnThoseColumns()
    {
        var padding = "pad,ding,row,of,some,length\r\n";
        var text = "a,b,c\r\n" + padding + " ,x,\" \"\r\n" + padding + padding;

        using var reader = new CsvRowReader(new StringReader(text), 1_000);
        reader.SetWantedColumns([true, false, true]);
        var rows = ReadAll(reader);

        // Row 3 has text only in an unwanted column: blank, so skipped (but counted).
        Assert.Equal(["1|a||c", "2|pad||row|||", "4|pad||row|||", "5|pad||row|||"], rows);
        Assert.Equal(Vector256.IsHardwareAccelerated ? 4 : 0, reader.BufferedRecords);
    }

    private static (int Rows, int Buffered) AssertSamePaths(string text, int maxFieldLength, bool[]? wanted, Random random)
    {
        using var reference = new CsvRowReader(new StringReader(text), maxFieldLength) { UseBufferedPath = false };
        reference.SetWantedColumns(wanted);
        var expected = ReadAll(reference);

        using var whole = new CsvRowReader(new StringReader(text), maxFieldLength);
        whole.SetWantedColumns(wanted);
        Assert.Equal(expected, ReadAll(whole));
        Assert.Equal(reference.FatalError, whole.FatalError);

        var piece = random.Next(1, 41);
        using var pieces = new CsvRowReader(new PieceReader(text, piece), maxFieldLength);
        pieces.SetWantedColumns(wanted);
        Assert.Equal(expected, ReadAll(pieces));
        Assert.True(Equals(reference.FatalError, pieces.FatalError), $"pieces of {piece}: {reference.FatalError} vs {pieces.FatalError}");
        return (expected.Count, whole.BufferedRecords);
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

    private static bool[]? Wanted(Random random) =>
        random.Next(2) == 0 ? null : Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(3) != 0).ToArray();

    // Rows of words, quoted fields (some with "" or line ends inside) and stray specials; a Unicode line separator in one text of ten.
    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        var tokens = random.Next(1, 120);
        var separators = random.Next(10) == 0;
        for (var i = 0; i < tokens; i++)
        {
            switch (random.Next(12))
            {
                case 0:
                    builder.Append('"').Append(Word(random)).Append(random.Next(4) == 0 ? "\"\"" : string.Empty).Append(random.Next(5) == 0 ? "\r\n" : string.Empty).Append(Word(random)).Append('"');
                    break;
                case 1:
                    builder.Append(Specials[random.Next(Specials.Length)]);
                    break;
                case 2:
                    builder.Append(random.Next(3) == 0 ? "\r\n" : "\n");
                    break;
                case 3 when separators:
                    builder.Append(random.Next(2) == 0 ? '\u2028' : '\u0085');
                    break;
                default:
                    builder.Append(Word(random)).Append(',');
                    break;
            }
        }

        return builder.ToString();
    }

    private static string Word(Random random) =>
        random.Next(6) == 0 ? "中文" : new string('a', random.Next(0, 14)).Replace('a', (char)('a' + random.Next(26)));

    // Hands over at most a fixed number of characters per call.
    private sealed class PieceReader(string text, int piece) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, piece), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Peek() => _position < text.Length ? text[_position] : -1;
    }
}
