using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Pipeline.Ingest;

/// <summary>Values a mapping profile supplies for columns that are absent or empty. Null = not set.</summary>
public sealed record MappingProfileDefaults(
    string? Entity = null,
    Currency? Currency = null,
    NoticeLanguage? Language = null,
    string? TimeZone = null,
    string? Country = null,
    CreditGrade? Grade = null);
