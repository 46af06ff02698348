namespace Collections.Pipeline.Ingest;

/// <summary>Collects errors up to a cap and counts the rest, so a garbage file cannot exhaust memory.</summary>
internal sealed class LedgerErrorList
{
    private readonly List<LedgerError> _kept = [];
    private readonly int _cap;

    public LedgerErrorList(int cap) => _cap = cap;

    public int Count { get; private set; }

    public IReadOnlyList<LedgerError> Kept => _kept;

    public void Add(LedgerError error)
    {
        Count++;
        if (_kept.Count < _cap)
        {
            _kept.Add(error);
        }
    }

    public void Add(LedgerErrorCode code, int? row, LedgerField? field, string? value, string message) =>
        Add(new LedgerError(code, row, field?.ToName(), value, message));

    public void FileLevel(LedgerErrorCode code, string message) => Add(new LedgerError(code, null, null, null, message));
}
