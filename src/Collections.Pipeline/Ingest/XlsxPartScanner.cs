using System.Globalization;
using System.Xml;

namespace Collections.Pipeline.Ingest;

/// <summary>Streams one workbook part (XML) and checks it against the limits of <see cref="XlsxGuard"/>.</summary>
internal static class XlsxPartScanner
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
        MaxCharactersInDocument = XlsxGuard.MaxUncompressedBytes,
    };

    /// <summary>Reads a part to its end (throws <see cref="XmlException"/> on a DTD or broken XML).</summary>
    public static void Drain(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        while (xml.Read())
        {
        }
    }

    /// <summary>Counts the shared strings, refusing too many (declared or present) and oversized ones.</summary>
    public static (int Count, LedgerError? Error) SharedStrings(Stream part, int maxCellLength)
    {
        using var xml = XmlReader.Create(part, Settings);
        var count = 0;
        var length = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && string.Equals(xml.NamespaceURI, MainNs, StringComparison.Ordinal))
            {
                switch (xml.LocalName)
                {
                    case "sst" when Declared(xml, "count") > XlsxGuard.MaxSharedStrings || Declared(xml, "uniqueCount") > XlsxGuard.MaxSharedStrings:
                        return (0, XlsxGuard.TooLarge(SharedStringLimit("declares")));
                    case "si":
                        length = 0;
                        if (++count > XlsxGuard.MaxSharedStrings)
                        {
                            return (0, XlsxGuard.TooLarge(SharedStringLimit("holds")));
                        }

                        break;
                }
            }
            else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                length += xml.Value.Length;
                if (length > maxCellLength)
                {
                    return (0, XlsxGuard.TooLarge(string.Create(CultureInfo.InvariantCulture,
                        $"shared string {count - 1} is longer than {maxCellLength} characters")));
                }
            }
        }

        return (count, null);
    }

    /// <summary>Checks row numbers, cell references, the dimension, shared-string indexes and cell sizes of a worksheet.</summary>
    public static LedgerError? Sheet(Stream part, int sharedStrings, int maxCellLength)
    {
        using var xml = XmlReader.Create(part, Settings);
        var row = 0;
        var rows = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || !string.Equals(xml.NamespaceURI, MainNs, StringComparison.Ordinal))
            {
                continue;
            }

            switch (xml.LocalName)
            {
                case "dimension" when xml.GetAttribute("ref") is { } range:
                    var last = range[(range.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    if (CellReference(last, 0, "the sheet's dimension") is { } dimensionError)
                    {
                        return dimensionError;
                    }

                    break;
                case "row":
                    row = xml.GetAttribute("r") is { } r ? RowNumber(r) : row + 1;
                    if (row is < 1 or > XlsxGuard.MaxRows || ++rows > XlsxGuard.MaxRows)
                    {
                        return XlsxGuard.TooLarge(string.Create(CultureInfo.InvariantCulture,
                            $"row number {xml.GetAttribute("r") ?? rows.ToString(CultureInfo.InvariantCulture)} is outside 1 to {XlsxGuard.MaxRows} (Excel's limit)"));
                    }

                    break;
                case "c":
                    if (Cell(xml, row, sharedStrings, maxCellLength) is { } cellError)
                    {
                        return cellError;
                    }

                    break;
            }
        }

        return null;
    }

    private static LedgerError? Cell(XmlReader xml, int row, int sharedStrings, int maxCellLength)
    {
        var reference = xml.GetAttribute("r");
        if (reference is not null && CellReference(reference, row, "cell " + reference) is { } error)
        {
            return error;
        }

        var shared = string.Equals(xml.GetAttribute("t"), "s", StringComparison.Ordinal);
        if (xml.IsEmptyElement)
        {
            return null;
        }

        using var cell = xml.ReadSubtree();
        var length = 0;
        var inValue = false;
        while (cell.Read())
        {
            if (cell.NodeType == XmlNodeType.Element)
            {
                inValue = string.Equals(cell.LocalName, "v", StringComparison.Ordinal);
            }
            else if (cell.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                var value = cell.Value;
                length += value.Length;
                if (length > maxCellLength)
                {
                    return new LedgerError(LedgerErrorCode.TooLarge, row, null, null, string.Create(CultureInfo.InvariantCulture,
                        $"cell {reference} is longer than {maxCellLength} characters"));
                }

                if (shared && inValue
                    && (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= sharedStrings))
                {
                    return new LedgerError(LedgerErrorCode.Malformed, row, null, value, string.Create(CultureInfo.InvariantCulture,
                        $"cell {reference} refers to shared string {value}, but the workbook has {sharedStrings}: the value would be lost"));
                }
            }
        }

        return null;
    }

    // "AMJ12": letters then digits; past column 1,024 (AMJ) or row 1,048,576 is refused.
    private static LedgerError? CellReference(string reference, int row, string what)
    {
        var letters = 0;
        var column = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = letters < 4 ? (column * 26) + (char.ToUpperInvariant(reference[letters]) - 'A' + 1) : int.MaxValue;
            letters++;
        }

        if (column > CsvRowReader.MaxColumns)
        {
            return new LedgerError(LedgerErrorCode.TooLarge, row == 0 ? null : row, null, Short(reference), string.Create(CultureInfo.InvariantCulture,
                $"{Short(what)} is past column {CsvRowReader.MaxColumns} (AMJ); wider sheets are refused rather than cut"));
        }

        if (letters < reference.Length && RowNumber(reference[letters..]) is < 1 or > XlsxGuard.MaxRows)
        {
            return new LedgerError(LedgerErrorCode.TooLarge, null, null, Short(reference), string.Create(CultureInfo.InvariantCulture,
                $"{Short(what)} is past row {XlsxGuard.MaxRows} (Excel's limit)"));
        }

        return null;
    }

    private static int RowNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static long Declared(XmlReader xml, string attribute) =>
        long.TryParse(xml.GetAttribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string SharedStringLimit(string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"the shared-string table {verb} more than {XlsxGuard.MaxSharedStrings} strings");

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
