namespace Collections.Pipeline.Ingest;

/// <summary>
/// One string per distinct value of the account-level columns (customer, name, e-mail, entity, currency,
/// language ...), looked up by span so a repeated value costs no allocation. Bounded: past
/// <see cref="Capacity"/> values new ones are returned unpooled, so memory follows accounts, not rows.
/// </summary>
internal sealed class TextPool
{
    /// <summary>Most values kept (about 8 account-level columns of 100,000 accounts).</summary>
    public const int Capacity = 1_000_000;

    private const int MaxLength = 256;

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextPool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _values.Count;

    /// <summary>The pooled string equal to <paramref name="value"/>.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (_lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var text = new string(value);
        if (value.Length <= MaxLength && _values.Count < Capacity)
        {
            _values.Add(text, text);
        }

        return text;
    }

    /// <summary>The pooled string equal to <paramref name="value"/>, adding it when there is room.</summary>
    public string Get(string value)
    {
        if (_values.TryGetValue(value, out var existing))
        {
            return existing;
        }

        if (value.Length <= MaxLength && _values.Count < Capacity)
        {
            _values.Add(value, value);
        }

        return value;
    }
}
