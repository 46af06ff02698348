using System.Globalization;
using nietras.SeparatedValues;

namespace Collections.Benchmarks;

/// <summary>
/// The floor for ingest parsing: Sep 0.17.1, the fastest .NET CSV reader, reading the same file and converting
/// what any reader must (both amounts, with separators and parentheses, and both dates), nothing else.
/// </summary>
internal static class SepFloor
{
    /// <summary>Rows per second of CPU time (the machine may be shared: CPU time is what the reader costs).</summary>
    public static double RowsPerSecond(string path, int expectedRows)
    {
        var cpu = CpuClock.Start();
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var amount = reader.Header.IndexOf("原币金额");
        var open = reader.Header.IndexOf("未收金额");
        var invoiceDate = reader.Header.IndexOf("开票日期");
        var dueDate = reader.Header.IndexOf("到期日");
        var rows = 0;
        var total = 0m;
        var days = 0L;
        foreach (var row in reader)
        {
            total += Amount(row[amount].Span) + Amount(row[open].Span);
            days += DateOnly.ParseExact(row[invoiceDate].Span, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber
                + DateOnly.ParseExact(row[dueDate].Span, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
            rows++;
        }

        var seconds = cpu.Seconds;
        if (rows != expectedRows || total == 0m || days == 0)
        {
            throw new InvalidOperationException($"Sep read {rows} rows, expected {expectedRows}");
        }

        return rows / seconds;
    }

    private static decimal Amount(ReadOnlySpan<char> text) =>
        decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowParentheses, CultureInfo.InvariantCulture);
}
