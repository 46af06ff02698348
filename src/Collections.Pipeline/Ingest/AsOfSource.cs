namespace Collections.Pipeline.Ingest;

/// <summary>Where the as-of date of a file came from, in order of precedence.</summary>
public enum AsOfSource
{
    /// <summary>An explicit option (CLI <c>--as-of</c>, blob metadata <c>asof</c>).</summary>
    Option,

    /// <summary>The file's <c>as_of</c> column.</summary>
    Column,

    /// <summary>A <c>_yyyy-MM-dd</c> or <c>-yyyy-MM-dd</c> suffix of the file name.</summary>
    FileName,

    /// <summary>The upload date.</summary>
    UploadDate,
}
