using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;

namespace Collections.Host.Tests.Apis;

internal static class TestData
{
    public static readonly Currency Eur = Currency.Parse("EUR");
    public static readonly Currency Usd = Currency.Parse("USD");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>A day relative to the wall clock (yyyy-MM-dd): real orchestrations decide on the wall clock.</summary>
    public static string Day(int daysFromToday) =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static LedgerItem Inv(string id, string due, decimal open, Currency? currency = null, decimal? amount = null, string? issued = null, int row = 2) =>
        new(id, issued is null ? D(due).AddDays(-30) : D(issued), D(due), currency ?? Eur, amount ?? open, open, Provenance: new ItemProvenance("ledger.csv", "sha-file", row));

    public static CustomerAccount Account(string entity, string customerId, string name, CreditGrade grade, params LedgerItem[] items) =>
        new(new AccountKey(entity, customerId), name,
            new ContactDetails($"ap@{customerId.ToLowerInvariant()}.example", [], "Alex", NoticeLanguage.English, "Europe/London", "GB", grade),
            items);
}
