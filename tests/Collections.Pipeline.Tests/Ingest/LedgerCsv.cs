using System.Text;

namespace Collections.Pipeline.Tests.Ingest;

/// <summary>Builds canonical ledger CSV text: valid default values, overridden per row.</summary>
internal sealed class LedgerCsv
{
    private static readonly string[] RequiredColumns =
        ["customer_id", "customer_name", "contact_email", "invoice_id", "invoice_date", "due_date", "currency", "amount", "open_amount"];

    private readonly List<string> _columns = [.. RequiredColumns];
    private readonly List<Dictionary<string, string>> _rows = [];

    public static LedgerCsv Canonical() => new();

    public LedgerCsv Row(params (string Column, string Value)[] cells)
    {
        var row = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer_id"] = "K-1",
            ["customer_name"] = "Acme Trading Ltd",
            ["contact_email"] = "ap@acme.example.com",
            ["invoice_id"] = "INV-" + (_rows.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["invoice_date"] = "2026-05-01",
            ["due_date"] = "2026-05-31",
            ["currency"] = "EUR",
            ["amount"] = "100.00",
            ["open_amount"] = "100.00",
        };
        foreach (var (column, value) in cells)
        {
            if (!_columns.Contains(column))
            {
                _columns.Add(column);
            }

            row[column] = value;
        }

        _rows.Add(row);
        return this;
    }

    public LedgerCsv Without(string column)
    {
        _columns.Remove(column);
        return this;
    }

    public string ToText(char delimiter = ',', string newline = "\n")
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(delimiter, _columns.Select(c => Quote(c, delimiter)))).Append(newline);
        foreach (var row in _rows)
        {
            sb.Append(string.Join(delimiter, _columns.Select(c => Quote(row.GetValueOrDefault(c, string.Empty), delimiter)))).Append(newline);
        }

        return sb.ToString();
    }

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(ToText());

    public static string Quote(string value, char delimiter) =>
        value.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
