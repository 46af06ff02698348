using System.Text;
using System.Text.Json;

namespace Collections.Pipeline.Ingest.Apply;

/// <summary>
/// The error report of a rejected file, as JSON and as CSV. CSV cells that a spreadsheet would read as a
/// formula (starting with <c>= + - @</c>, tab or carriage return) are neutralised with a leading apostrophe.
/// </summary>
public static class ErrorReport
{
    /// <summary>The JSON report.</summary>
    public static string ToJson(LedgerParseResult result, string status, string? message) => JsonSerializer.Serialize(
        new
        {
            file = result.FileName,
            sha256 = result.Sha256,
            asOf = result.AsOf,
            status,
            message,
            rows = result.RowCount,
            errorCount = result.ErrorCount,
            errorsOmitted = result.ErrorsOmitted,
            errors = result.Errors.Select(e => new { row = e.Row, column = e.Column, value = e.Value, code = e.Code.ToString(), message = e.Message }),
        },
        ReportJson.Options);

    /// <summary>The CSV report: row, column, value, code, message.</summary>
    public static string ToCsv(LedgerParseResult result)
    {
        var sb = new StringBuilder();
        sb.Append("row,column,value,code,message\r\n");
        foreach (var e in result.Errors)
        {
            sb.Append(Cell(e.Row?.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(',')
              .Append(Cell(e.Column)).Append(',')
              .Append(Cell(e.Value)).Append(',')
              .Append(Cell(e.Code.ToString())).Append(',')
              .Append(Cell(e.Message)).Append("\r\n");
        }

        if (result.ErrorsOmitted > 0)
        {
            sb.Append(",,,,").Append(Cell($"{result.ErrorsOmitted} more errors not listed ({result.ErrorCount} in total)")).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>One CSV cell: neutralised against formula injection, quoted when needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var v = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
