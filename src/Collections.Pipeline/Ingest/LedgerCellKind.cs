namespace Collections.Pipeline.Ingest;

/// <summary>The stored type of a cell.</summary>
internal enum LedgerCellKind : byte
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
}
