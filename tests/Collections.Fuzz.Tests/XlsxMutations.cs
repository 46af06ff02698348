using System.IO.Compression;
using Collections.Pipeline.Tests.Ingest;

namespace Collections.Fuzz.Tests;

/// <summary>Hostile workbooks: extreme cells, references and rows, bad shared strings, DTDs and zip bombs.</summary>
internal static class XlsxMutations
{
    private static readonly string[] SheetInjections =
    [
        "<row r=\"1048577\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row r=\"2147483647\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row><c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>x</t></is></c></row>",
        "<row><c r=\"AMK5\"><v>1</v></c></row>",
        "<row><c t=\"s\"><v>99999</v></c></row>",
        "<row><c t=\"s\"><v>-1</v></c></row>",
        "<row><c><v>1e300</v></c><c s=\"1\"><v>-1</v></c><c s=\"1\"><v>99999999</v></c><c><v>NaN</v></c></row>",
        "<row><c t=\"b\"><v>7</v></c><c t=\"e\"><v>#DIV/0!</v></c><c t=\"d\"><v>not a date</v></c></row>",
    ];

    /// <summary>A workbook made from valid rows and one to three hostile changes, returning its bytes and a label.</summary>
    public static byte[] Build(Random random, List<string[]> rows, out string label)
    {
        var labels = new List<string>();
        var data = ValidLedgers.SheetData(rows);
        string? sst = null;
        string? prefix = null;
        var styles = RawXlsx.Styles;
        var level = CompressionLevel.Fastest;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            switch (random.Next(8))
            {
                case 0:
                    var injection = SheetInjections[random.Next(SheetInjections.Length)];
                    var at = data.IndexOf("<row r=\"2\"", StringComparison.Ordinal);
                    data = at < 0 ? data + injection : data.Insert(at, injection);
                    labels.Add("sheet: " + injection[..Math.Min(40, injection.Length)]);
                    break;
                case 1:
                    prefix = "<dimension ref=\"A1:" + (random.Next(2) == 0 ? "ZZZZZZ9" : "M2147483647") + "\"/>";
                    labels.Add("dimension");
                    break;
                case 2:
                    sst = random.Next(2) == 0
                        ? """<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2000000000" uniqueCount="2000000000"><si><t>a</t></si></sst>"""
                        : RawXlsx.SharedStrings(Enumerable.Repeat(new string('y', 80_000), 1));
                    labels.Add("shared strings");
                    break;
                case 3:
                    data += "<row><c t=\"inlineStr\"><is><t>" + new string(' ', random.Next(2) == 0 ? 8 << 20 : 200_000) + "</t></is></c></row>";
                    level = CompressionLevel.SmallestSize;
                    labels.Add("bomb cell");
                    break;
                case 4:
                    styles = """<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">&b;</styleSheet>""";
                    labels.Add("dtd");
                    break;
                case 5:
                    data = data.Replace("s=\"1\"", "s=\"7\"", StringComparison.Ordinal);
                    labels.Add("missing style");
                    break;
                case 6:
                    data = data.Replace("</row>", "", StringComparison.Ordinal);
                    labels.Add("unclosed rows");
                    break;
                default:
                    labels.Add("cell " + CsvMutations.MutateCell(random, rows));
                    data = ValidLedgers.SheetData(rows);
                    break;
            }
        }

        label = string.Join(", ", labels);
        return RawXlsx.BuildParts(RawXlsx.Sheet(data, prefix), sst, styles, level);
    }
}
