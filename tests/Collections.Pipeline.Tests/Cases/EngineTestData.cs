using System.Globalization;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Pipeline.Cases;

namespace Collections.Pipeline.Tests.Cases;

internal static class EngineTestData
{
    public static readonly Currency Eur = Currency.Parse("EUR");

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static DateTimeOffset Midnight(string isoDate) => new(D(isoDate).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static LedgerItem Inv(string id, string due, decimal open) =>
        new(id, D(due).AddDays(-30), D(due), Eur, open, open, Provenance: new ItemProvenance("ledger.csv", "sha-file", 2));

    public static CustomerAccount Account(string customerId, CreditGrade grade = CreditGrade.B, string tz = "Europe/London", params LedgerItem[] items) =>
        new(new AccountKey("default", customerId), "Debtor " + customerId,
            new ContactDetails($"ap@{customerId.ToLowerInvariant()}.example", ["cfo@" + customerId.ToLowerInvariant() + ".example"], "Alex", NoticeLanguage.English, tz, "GB", grade),
            items);

    public static SnapshotSource Source(string asOf, string sha = "") => new(D(asOf), $"ledger_{asOf}.csv", string.IsNullOrEmpty(sha) ? "sha-" + asOf : sha);
}
