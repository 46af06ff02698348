using System.IO.Compression;
using System.Security;
using System.Text;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>
/// Writes a workbook from raw part XML, so tests (and the fuzz suite, which links this file) can build the
/// hostile shapes no spreadsheet library writes: cell ZZZZZZ1, row 2147483647, dangling shared-string
/// indexes, bombs. Style 1 is a date format (numFmt 14), as Excel stores dates.
/// </summary>
internal static class RawXlsx
{
    public const string Styles =
        """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""";

    /// <summary>A workbook whose first sheet has <paramref name="sheetData"/> (the inside of &lt;sheetData&gt;).</summary>
    public static byte[] Build(string sheetData, string? sharedStrings = null, string? sheetPrefix = null, CompressionLevel level = CompressionLevel.Fastest) =>
        BuildParts(Sheet(sheetData, sheetPrefix), sharedStrings, Styles, level);

    /// <summary>The sheet XML around <paramref name="sheetData"/>.</summary>
    public static string Sheet(string sheetData, string? sheetPrefix = null) =>
        """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
        + sheetPrefix + "<sheetData>" + sheetData + "</sheetData></worksheet>";

    /// <summary>A shared-string table holding <paramref name="strings"/>.</summary>
    public static string SharedStrings(IEnumerable<string> strings)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        foreach (var s in strings)
        {
            sb.Append("<si><t>").Append(SecurityElement.Escape(s)).Append("</t></si>");
        }

        return sb.Append("</sst>").ToString();
    }

    /// <summary>One row of inline-string, number or date-styled cells: string, double, or (double, "date").</summary>
    public static string Row(int number, params object[] cells)
    {
        var sb = new StringBuilder("<row r=\"").Append(number).Append("\">");
        for (var i = 0; i < cells.Length; i++)
        {
            var reference = Column(i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (cells[i])
            {
                case string s:
                    sb.Append("<c r=\"").Append(reference).Append("\" t=\"inlineStr\"><is><t>").Append(SecurityElement.Escape(s)).Append("</t></is></c>");
                    break;
                case double d:
                    sb.Append("<c r=\"").Append(reference).Append("\"><v>").Append(d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("</v></c>");
                    break;
                case ValueTuple<double, string> date:
                    sb.Append("<c r=\"").Append(reference).Append("\" s=\"1\"><v>").Append(date.Item1.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("</v></c>");
                    break;
            }
        }

        return sb.Append("</row>").ToString();
    }

    public static string Column(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    public static byte[] BuildParts(string sheet, string? sharedStrings, string styles, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""", level);
            Add(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""", level);
            Add(zip, "xl/workbook.xml",
                """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""", level);
            Add(zip, "xl/_rels/workbook.xml.rels",
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""", level);
            Add(zip, "xl/styles.xml", styles, level);
            Add(zip, "xl/sharedStrings.xml", sharedStrings ?? SharedStrings([]), level);
            Add(zip, "xl/worksheets/sheet1.xml", sheet, level);
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level)
    {
        var entry = zip.CreateEntry(name, level);
        // A fixed timestamp: the same parts make the same bytes (the fuzz corpus is reproducible from its seed).
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
