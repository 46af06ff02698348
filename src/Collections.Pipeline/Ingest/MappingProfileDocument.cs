namespace Collections.Pipeline.Ingest;

/// <summary>The JSON shape of a mapping profile file (see docs/ledger-format.md).</summary>
internal sealed class MappingProfileDocument
{
    public string? Name { get; set; }

    public Dictionary<string, string>? Columns { get; set; }

    public List<string>? DateFormats { get; set; }

    public string? DecimalSeparator { get; set; }

    public string? ThousandsSeparator { get; set; }

    public DefaultsDocument? Defaults { get; set; }

    internal sealed class DefaultsDocument
    {
        public string? Entity { get; set; }

        public string? Currency { get; set; }

        public string? Language { get; set; }

        public string? TimeZone { get; set; }

        public string? Country { get; set; }

        public string? Grade { get; set; }
    }
}
