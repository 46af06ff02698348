using System.Globalization;
using System.Text;
using Collections.Operations.Apis.Models;
using Collections.Pipeline.Ingest.Apply;

namespace Collections.Operations.Apis;

/// <summary>
/// The finance exports as CSV (RFC 4180, UTF-8, CRLF). Text cells go through <see cref="ErrorReport.Cell"/>: quoted when
/// needed and neutralised against formula injection (a leading <c>= + - @</c>, tab or CR gets an apostrophe); amounts
/// and instants are written by us in invariant form (<c>1234.50</c>, <c>2026-10-31T12:00:00Z</c>).
/// </summary>
internal static class ExportCsv
{
    public static string WriteOffs(IEnumerable<WriteOffExportRow> rows)
    {
        var sb = new StringBuilder("entity,customer_id,customer_name,case_id,written_off_at,currency,amount,reason,actor\r\n");
        foreach (var r in rows)
        {
            Line(sb, Text(r.Entity), Text(r.CustomerId), Text(r.CustomerName), Text(r.CaseId), Instant(r.WrittenOffAt), Text(r.Currency),
                r.Amount.ToString(CultureInfo.InvariantCulture), Text(r.Reason), Text(r.Actor));
        }

        return sb.ToString();
    }

    public static string CreditHolds(IEnumerable<CreditHoldExportRow> rows)
    {
        var sb = new StringBuilder("entity,customer_id,customer_name,case_id,event,at,reason,actor\r\n");
        foreach (var r in rows)
        {
            Line(sb, Text(r.Entity), Text(r.CustomerId), Text(r.CustomerName), Text(r.CaseId), Text(r.Event), Instant(r.At), Text(r.Reason), Text(r.Actor));
        }

        return sb.ToString();
    }

    private static string Text(string? value) => ErrorReport.Cell(value);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, params string[] cells) => sb.AppendJoin(',', cells).Append("\r\n");
}
