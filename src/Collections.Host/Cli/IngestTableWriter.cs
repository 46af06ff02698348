using System.Globalization;

namespace Collections.Host.Cli;

/// <summary>Prints an <see cref="IngestReport"/> as readable tables.</summary>
internal static class IngestTableWriter
{
    public static void Write(TextWriter writer, IngestReport report)
    {
        writer.WriteLine($"File:     {report.File}");
        writer.WriteLine($"SHA-256:  {report.Sha256}");
        writer.WriteLine($"As of:    {report.AsOf}");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rows:     {report.Rows}"));
        writer.WriteLine(report.Valid
            ? string.Create(CultureInfo.InvariantCulture, $"Result:   VALID, {report.Accounts.Count} accounts")
            : string.Create(CultureInfo.InvariantCulture, $"Result:   REJECTED, {report.Errors.Count} errors listed (nothing applied)"));
        writer.WriteLine();

        if (!report.Valid)
        {
            var errors = new TextTable("ROW", "COLUMN", "VALUE", "PROBLEM");
            foreach (var e in report.Errors)
            {
                errors.Add(e.Row?.ToString(CultureInfo.InvariantCulture) ?? "-", e.Column ?? "-", e.Value ?? string.Empty, e.Message);
            }

            errors.WriteTo(writer);
            return;
        }

        var table = new TextTable("ENTITY", "CUSTOMER", "NAME", "DAYS", "BUCKET", "LIGHT", "OLDEST DUE", "CCY", "OPEN", "OVERDUE", "DISPUTED", "NEXT STEP");
        foreach (var a in report.Accounts)
        {
            var next = a.NextStep is { } s ? $"{s.Stage} {s.At}" : "-";
            for (var i = 0; i < Math.Max(1, a.Balances.Count); i++)
            {
                var b = i < a.Balances.Count ? a.Balances[i] : null;
                table.Add(
                    i == 0 ? a.Entity : string.Empty,
                    i == 0 ? a.CustomerId : string.Empty,
                    i == 0 ? a.CustomerName : string.Empty,
                    i == 0 ? a.DaysOverdue.ToString(CultureInfo.InvariantCulture) : string.Empty,
                    i == 0 ? a.Bucket : string.Empty,
                    i == 0 ? a.Light : string.Empty,
                    i == 0 ? a.OldestOverdueDueDate ?? "-" : string.Empty,
                    b?.Currency,
                    b?.Open,
                    b?.Overdue,
                    b?.Disputed,
                    i == 0 ? next : string.Empty);
            }
        }

        table.WriteTo(writer);
    }
}
