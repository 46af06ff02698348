namespace Collections.Pipeline.Ingest;

/// <summary>How dates and amounts are written in one file: canonical unless a profile says otherwise.</summary>
internal sealed record ValueFormats(IReadOnlyList<string> DateFormats, char DecimalSeparator, char? ThousandsSeparator)
{
    /// <summary><c>yyyy-MM-dd</c>, <c>.</c> decimal point, <c>,</c> thousands separator.</summary>
    public static ValueFormats Canonical { get; } = new([], '.', ',');
}
