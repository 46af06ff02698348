using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>
/// Writes workbooks the way Excel stores them: text in the shared-string table, numbers as doubles,
/// dates as serial numbers with a date number format (style 1 = numFmt 14), booleans as t="b".
/// A row is a list of cell values: string, double, decimal, int, DateOnly, bool or null (no cell).
/// </summary>
internal static class XlsxBuilder
{
    public static byte[] Build(params IReadOnlyList<IReadOnlyList<object?>>[] sheets) => Build(sheets, rowNumbers: null);

    public static byte[] Build(IReadOnlyList<IReadOnlyList<object?>>[] sheets, IReadOnlyList<int>? rowNumbers)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = doc.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = workbookPart.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            for (var s = 0; s < sheets.Length; s++)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheets[s].Count; r++)
                {
                    var rowIndex = (uint)(rowNumbers is not null && s == 0 ? rowNumbers[r] : r + 1);
                    var row = new Row { RowIndex = rowIndex };
                    for (var c = 0; c < sheets[s][r].Count; c++)
                    {
                        if (Cell(sheets[s][r][c], strings.SharedStringTable) is { } cell)
                        {
                            cell.CellReference = ColumnName(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
                            row.Append(cell);
                        }
                    }

                    data.Append(row);
                }

                worksheetPart.Worksheet = new Worksheet(data);
                sheetList.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    SheetId = (uint)(s + 1),
                    Name = "Sheet" + (s + 1).ToString(CultureInfo.InvariantCulture),
                });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell? Cell(object? value, SharedStringTable strings) => value switch
    {
        null => null,
        string s => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(Share(s, strings).ToString(CultureInfo.InvariantCulture)) },
        double d => new Cell { CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
        decimal m => new Cell { CellValue = new CellValue(((double)m).ToString("R", CultureInfo.InvariantCulture)) },
        int i => new Cell { CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
        DateOnly d => new Cell
        {
            StyleIndex = 1,
            CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        _ => throw new ArgumentException("unsupported cell value " + value.GetType().Name, nameof(value)),
    };

    private static int Share(string text, SharedStringTable strings)
    {
        var i = 0;
        foreach (var item in strings.Elements<SharedStringItem>())
        {
            if (item.InnerText == text)
            {
                return i;
            }

            i++;
        }

        strings.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return i;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        index++;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }

        return name;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
            new CellFormat { NumberFormatId = 14, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true }) { Count = 2 });
}
