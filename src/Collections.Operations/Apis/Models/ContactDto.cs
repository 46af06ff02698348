namespace Collections.Operations.Apis.Models;

/// <summary>How the debtor is contacted.</summary>
internal sealed record ContactDto(string Email, IReadOnlyList<string> CcEmails, string? ContactName, string Language, string TimeZone, string? Country, string Grade);
