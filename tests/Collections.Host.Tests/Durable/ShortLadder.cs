using System.Globalization;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;

namespace Collections.Host.Tests.Durable;

/// <summary>
/// A policy of short offsets for real-time runs: every day a business day, a send window of the whole day, no
/// minimum gaps, a final notice deadline of one day, ladder steps on days 1 to 4; and debtors in a zone where it is not the window's last minute.
/// </summary>
internal static class ShortLadder
{
    public static readonly DunningPolicy Policy = ShortLadderPolicy.Policy;

    private static readonly Currency Eur = Currency.Parse("EUR");

    /// <summary>A zone whose local time is not 23:59 now (the one minute the window leaves out).</summary>
    public static string Zone => DateTimeOffset.UtcNow.Hour == 23 ? "Etc/GMT+2" : "Etc/UTC";

    /// <summary>A new case whose one invoice fell due <paramref name="daysOverdue"/> days ago.</summary>
    public static CaseInput NewCase(PolicyCatalog policies, string customerId, int daysOverdue)
    {
        var zone = Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        var due = today.AddDays(-daysOverdue);
        var contact = new ContactDetails($"ap@{customerId.ToLowerInvariant()}.example", [], "Alex", NoticeLanguage.English, zone, "GB", CreditGrade.B);
        var item = new LedgerItem("INV-" + customerId, due.AddDays(-30), due, Eur, 500m, 500m);
        var asOf = today.AddDays(-1);
        var snapshot = new SnapshotApplied(asOf, "Debtor " + customerId, contact, [item], $"ledger_{asOf:yyyy-MM-dd}.csv", "sha-" + asOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)) { Actor = "ledger" };
        var account = new AccountKey("default", customerId);
        return new CaseInput(CaseIds.For(account, 1), policies.CurrentVersion) { Entity = account.Entity, CustomerId = account.CustomerId, Opening = CaseSignal.From(snapshot) };
    }
}
