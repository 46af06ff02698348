using System.Runtime.InteropServices;

namespace Collections.Pipeline.Ingest;

/// <summary>
/// A valid row's item as the parse keeps it until an account is read: no references (the invoice id and
/// PO number are addresses in the parse's <see cref="CharArena"/>, the currency an index in its table), so
/// a million of them are a few plain arrays the garbage collector never traces.
/// </summary>
/// <param name="Amount">The amount.</param>
/// <param name="OpenAmount">The open amount.</param>
/// <param name="InvoiceId">Address of the invoice id.</param>
/// <param name="Po">Address of the PO number; -1 when there is none, below -1 a long value kept aside.</param>
/// <param name="InvoiceDay">The invoice date's day number.</param>
/// <param name="DueDay">The due date's day number.</param>
/// <param name="Row">The spreadsheet row (header = 1).</param>
/// <param name="Currency">Index in the store's currency table.</param>
/// <param name="Disputed">The disputed flag.</param>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct CompactItem(
    decimal Amount,
    decimal OpenAmount,
    int InvoiceId,
    int Po,
    int InvoiceDay,
    int DueDay,
    int Row,
    ushort Currency,
    bool Disputed);
