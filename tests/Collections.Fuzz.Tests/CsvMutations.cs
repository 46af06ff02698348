using System.Text;

namespace Collections.Fuzz.Tests;

/// <summary>Hostile changes to a valid CSV ledger: values, structure, encodings and raw bytes.</summary>
internal static class CsvMutations
{
    private static readonly string[] ExtremeValues =
    [
        "1e300", "79228162514264337593543950335", "50,000,000,000,000,000,000,000,000,000.00", "-0", "NaN", "∞", "(1,000.00)",
        "999,999,999,999,999.99", "1,0", "0.000000000000000000000000001", new string('9', 40), "9999-12-31", "0001-01-01",
        "2026-02-30", "1899-12-30", "-1", "", " ", "=HYPERLINK(\"x\")", "\u0000", "K/../1", "a#b", new string('x', 300),
    ];

    private static readonly string[] Separators = ["\u2028", "\u0085", "\u2029", "\r", "\n", "\r\n"];

    /// <summary>Applies one text-level mutation to the cells, returning a label.</summary>
    public static string MutateCell(Random random, List<string[]> rows)
    {
        if (rows.Count == 0)
        {
            return "no rows";
        }

        var row = rows[random.Next(rows.Count)];
        var column = random.Next(row.Length);
        var value = ExtremeValues[random.Next(ExtremeValues.Length)];
        row[column] = value;
        return $"cell[{column}]={Label(value)}";
    }

    /// <summary>Applies one structural mutation to the text, returning a label.</summary>
    public static string MutateText(Random random, ref string text)
    {
        switch (random.Next(9))
        {
            case 0:
                text = text.Insert(random.Next(text.Length + 1), "\"");
                return "stray quote";
            case 1:
                text = text[..random.Next(text.Length + 1)];
                return "truncated";
            case 2:
                var sep = Separators[random.Next(Separators.Length)];
                text = text.Replace("\r\n", sep, StringComparison.Ordinal);
                return $"line ends {Label(sep)}";
            case 3:
                var at = text.IndexOf('\n', StringComparison.Ordinal);
                var extra = string.Concat(Enumerable.Repeat(",c", random.Next(2) == 0 ? 1100 : 20));
                text = at < 0 ? text + extra : text.Insert(at, extra);
                return "many columns";
            case 4:
                text = text.Insert(random.Next(text.Length + 1), new string('x', random.Next(2) == 0 ? 70_000 : 5_000));
                return "huge cell";
            case 5:
                text = text[..Math.Max(0, text.IndexOf('\n', StringComparison.Ordinal) + 1)];
                return "header only";
            case 6:
                text = text.Replace(',', random.Next(2) == 0 ? ';' : '\t');
                return "delimiter";
            case 7:
                var lines = text.Split('\n');
                text = string.Join('\n', lines.Concat(lines.Skip(1).Take(3)));
                return "duplicated rows";
            default:
                text = string.Empty;
                return "empty";
        }
    }

    /// <summary>Encodes the text, sometimes wrongly, returning a label.</summary>
    public static byte[] Encode(Random random, string text, out string label)
    {
        switch (random.Next(6))
        {
            case 0:
                label = "gb18030";
                return Encoding.GetEncoding("GB18030").GetBytes(text);
            case 1:
                label = "utf-16";
                return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
            case 2:
                label = "utf-8 bom";
                return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
            case 3:
                label = "latin-1";
                return Encoding.Latin1.GetBytes(text);
            default:
                label = "utf-8";
                return Encoding.UTF8.GetBytes(text);
        }
    }

    /// <summary>Flips, inserts or deletes a few raw bytes, returning a label.</summary>
    public static string MutateBytes(Random random, ref byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "no bytes";
        }

        var count = random.Next(1, 9);
        var copy = bytes.ToList();
        for (var i = 0; i < count && copy.Count > 0; i++)
        {
            var at = random.Next(copy.Count);
            switch (random.Next(3))
            {
                case 0:
                    copy[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    copy.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    copy.RemoveAt(at);
                    break;
            }
        }

        bytes = [.. copy];
        return $"{count} byte edits";
    }

    public static string Label(string value) =>
        value.Length > 24 ? $"<{value.Length} chars>" : string.Concat(value.Select(c => char.IsControl(c) || c > 0x2000 ? $"\\u{(int)c:X4}" : c.ToString()));
}
