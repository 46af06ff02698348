using System.Globalization;
using System.Text;
using Collections.Pipeline.Tests.Ingest;

namespace Collections.Fuzz.Tests;

/// <summary>Valid ledgers (CSV text and XLSX rows) with random but plausible content: the seeds that mutations start from.</summary>
internal static class ValidLedgers
{
    public static readonly string[] Header =
        ["entity", "customer_id", "customer_name", "contact_email", "language", "time_zone", "invoice_id", "invoice_date", "due_date", "currency", "amount", "open_amount", "disputed"];

    private static readonly string[] Names = ["Acme Trading, Ltd.", "上海华东机电有限公司", "Beta GmbH", "香港利豐貿易有限公司", "O'Neil \"Best\" Co"];
    private static readonly string[] Currencies = ["EUR", "CNY", "USD", "JPY"];
    private static readonly string[] Zones = ["Asia/Shanghai", "Europe/Berlin", "America/New_York"];

    /// <summary>Rows of cell values (strings) for a valid file of 1 to 40 rows.</summary>
    public static List<string[]> Rows(Random random)
    {
        var rows = new List<string[]>();
        var count = random.Next(1, 41);
        var accounts = random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            var customer = random.Next(accounts);
            var amount = Math.Round((decimal)random.NextDouble() * 100_000m, 2) + 0.01m;
            var credit = random.Next(10) == 0;
            var open = credit ? -amount : Math.Round(amount * (decimal)random.NextDouble(), 2);
            var invoiceDate = new DateOnly(2026, 1, 1).AddDays(random.Next(200));
            rows.Add(
            [
                customer % 2 == 0 ? "SH01" : "BJ02",
                "K-" + customer.ToString(CultureInfo.InvariantCulture),
                Names[customer % Names.Length],
                "ap" + customer.ToString(CultureInfo.InvariantCulture) + "@example.com",
                customer % 2 == 0 ? "zh-CN" : "en",
                Zones[customer % Zones.Length],
                "INV-" + i.ToString(CultureInfo.InvariantCulture),
                invoiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                invoiceDate.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Currencies[customer % Currencies.Length],
                (credit ? -amount : amount).ToString("#,##0.00", CultureInfo.InvariantCulture),
                open.ToString("0.00", CultureInfo.InvariantCulture),
                random.Next(8) == 0 ? "是" : "no",
            ]);
        }

        return rows;
    }

    public static string Csv(IEnumerable<string[]> rows, char delimiter = ',', string newline = "\r\n")
    {
        var sb = new StringBuilder(string.Join(delimiter, Header)).Append(newline);
        foreach (var row in rows)
        {
            sb.Append(string.Join(delimiter, row.Select(v => Quote(v, delimiter)))).Append(newline);
        }

        return sb.ToString();
    }

    /// <summary>The sheet data of a workbook: dates as date-styled serials, amounts as numbers, the rest inline text.</summary>
    public static string SheetData(IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder(RawXlsx.Row(1, [.. Header]));
        var n = 2;
        foreach (var row in rows)
        {
            // A mutated value that is no longer a date or number stays text, as a spreadsheet would keep it.
            var cells = row.Select((v, i) => i switch
            {
                7 or 8 when DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) =>
                    (object)(d.DayNumber - new DateOnly(1899, 12, 30).DayNumber + 0.0, "date"),
                10 or 11 when double.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n,
                _ => v,
            }).ToArray();
            sb.Append(RawXlsx.Row(n++, cells));
        }

        return sb.ToString();
    }

    private static string Quote(string value, char delimiter) =>
        value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
