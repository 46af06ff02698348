namespace Collections.Domain.Ledger;

/// <summary>How and when a debtor is contacted, and which ladder applies.</summary>
/// <param name="Email">Primary recipient of notices.</param>
/// <param name="CcEmails">Copied on Demand and later notices.</param>
/// <param name="ContactName">Person addressed in the salutation, if known.</param>
/// <param name="Language">Language of notices.</param>
/// <param name="TimeZoneId">IANA time zone id; all send instants are computed in it.</param>
/// <param name="Country">ISO 3166 alpha-2 country, selects the business calendar; null for the default.</param>
/// <param name="Grade">Credit grade; selects the ladder.</param>
public sealed record ContactDetails(
    string Email,
    IReadOnlyList<string> CcEmails,
    string? ContactName,
    NoticeLanguage Language,
    string TimeZoneId,
    string? Country,
    CreditGrade Grade)
{
    /// <summary>Value equality including the cc list's contents.</summary>
    public bool Equals(ContactDetails? other) =>
        other is not null
        && string.Equals(Email, other.Email, StringComparison.Ordinal)
        && CcEmails.SequenceEqual(other.CcEmails, StringComparer.Ordinal)
        && string.Equals(ContactName, other.ContactName, StringComparison.Ordinal)
        && Language == other.Language
        && string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal)
        && string.Equals(Country, other.Country, StringComparison.Ordinal)
        && Grade == other.Grade;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Email, CcEmails.Count, Language, TimeZoneId, Grade);
}
