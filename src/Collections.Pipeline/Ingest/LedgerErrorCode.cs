namespace Collections.Pipeline.Ingest;

/// <summary>Machine-readable kind of a ledger error; the message carries the human explanation.</summary>
public enum LedgerErrorCode
{
    /// <summary>The file is empty, binary, or has no recognisable header: not a ledger at all.</summary>
    NotALedger,

    /// <summary>The bytes cannot be decoded with the chosen or detected encoding.</summary>
    Encoding,

    /// <summary>The CSV structure is broken (unterminated quote, oversized field).</summary>
    Malformed,

    /// <summary>Required columns are missing from the header.</summary>
    MissingColumns,

    /// <summary>Two header cells map to the same canonical column.</summary>
    DuplicateColumn,

    /// <summary>A required value is empty.</summary>
    Required,

    /// <summary>A date is invalid, in an unsupported format, or ambiguous.</summary>
    InvalidDate,

    /// <summary>An amount is not a plain decimal number.</summary>
    InvalidAmount,

    /// <summary>The currency is not a known ISO 4217 code.</summary>
    UnknownCurrency,

    /// <summary>Amount and open amount break the invoice/credit sign rules.</summary>
    SignRule,

    /// <summary>The disputed flag is not one of the accepted values.</summary>
    InvalidFlag,

    /// <summary>The language is not <c>en</c> or <c>zh-CN</c>.</summary>
    InvalidLanguage,

    /// <summary>The time zone is not a known IANA id.</summary>
    InvalidTimeZone,

    /// <summary>The country is not an ISO 3166 alpha-2 code.</summary>
    InvalidCountry,

    /// <summary>The credit grade is not A, B, C or D.</summary>
    InvalidGrade,

    /// <summary>An e-mail address is not syntactically valid.</summary>
    InvalidEmail,

    /// <summary>An identifier contains characters that cannot be used as a key, or is too long.</summary>
    InvalidIdentifier,

    /// <summary>The invoice id appears twice for the same entity.</summary>
    DuplicateInvoice,

    /// <summary>The as_of column holds more than one date, or the file name's date is invalid.</summary>
    AsOfConflict,

    /// <summary>Rows of the same account disagree on its name or contact details.</summary>
    InconsistentAccount,

    /// <summary>The file has a header but no data rows: never applied, because an empty snapshot would settle every open item.</summary>
    NoDataRows,

    /// <summary>The file exceeds a structural limit (columns, rows, cell or shared-string size, uncompressed workbook size).</summary>
    TooLarge,
}
