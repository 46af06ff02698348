namespace Collections.Pipeline.Ingest;

/// <summary>
/// The last value an account-level column of one account validated to, with the trimmed text it came
/// from. Validating a column is a pure function of that text, so a row repeating it gets the same value
/// and no error: the row compares a few characters instead of validating again.
/// </summary>
#pragma warning disable MA0102, CA1815 // a mutable field of its account slot; never compared
internal struct ColumnMemo<T>
#pragma warning restore MA0102, CA1815
{
    private string? _text;
    private T _value;

    /// <summary>The remembered value (default before anything is remembered).</summary>
    public readonly T Value => _value;

    /// <summary>The remembered value when <paramref name="cell"/> holds the same text.</summary>
    public readonly bool TryGet(in LedgerCell cell, out T value)
    {
        if (_text is not null && cell.Kind is LedgerCellKind.Text or LedgerCellKind.Empty && cell.Span.Trim().SequenceEqual(_text))
        {
            value = _value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Remembers that <paramref name="text"/> (the cell, trimmed) validated to <paramref name="value"/>.</summary>
    public void Set(string text, T value)
    {
        _text = text;
        _value = value;
    }
}
