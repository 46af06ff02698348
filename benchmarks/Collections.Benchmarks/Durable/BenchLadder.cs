using System.Globalization;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Collections.TestSupport;

namespace Collections.Benchmarks.Durable;

/// <summary>
/// The ladder of the durable and chaos runs (as the Durable runtime tests' short ladder): every day a business day,
/// a send window of the whole day, no minimum gaps, a final notice deadline of one day; grade B steps on days 1 to 4
/// after the due date, grade D on days 1 to 3. Debtors in UTC.
/// </summary>
internal static class BenchLadder
{
    public static readonly DunningPolicy Policy = ShortLadderPolicy.Policy;

    private static readonly Currency Eur = Currency.Parse("EUR");

    /// <summary>The notices a case of <paramref name="grade"/> is prescribed to have sent once its ladder is done.</summary>
    public static IReadOnlyList<NoticeKind> Prescribed(CreditGrade grade) => grade == CreditGrade.D
        ? [NoticeKind.Demand, NoticeKind.FinalNotice, NoticeKind.Escalation, NoticeKind.LegalHandoff]
        : [NoticeKind.Reminder, NoticeKind.Demand, NoticeKind.FinalNotice, NoticeKind.Escalation, NoticeKind.LegalHandoff];

    /// <summary>The stage a case is prescribed to reach.</summary>
    public static CaseStage FinalStage => CaseStage.Escalated;

    /// <summary>
    /// A new case whose one invoice fell due <paramref name="dueInDays"/> days from <paramref name="today"/> (negative:
    /// overdue), with the snapshot of the day before.
    /// </summary>
    public static CaseInput NewCase(PolicyCatalog policies, string customerId, DateOnly today, int dueInDays, CreditGrade grade)
    {
        var due = today.AddDays(dueInDays);
        var contact = new ContactDetails($"ap@{customerId.ToLowerInvariant()}.example", [], "Alex", NoticeLanguage.English, "Etc/UTC", "GB", grade);
        var item = new LedgerItem("INV-" + customerId, due.AddDays(-30), due, Eur, 500m, 500m);
        var asOf = today.AddDays(-1);
        var snapshot = new SnapshotApplied(asOf, "Debtor " + customerId, contact, [item], $"ledger_{asOf:yyyy-MM-dd}.csv", "sha-" + asOf.ToString("yyyyMMdd", CultureInfo.InvariantCulture)) { Actor = "ledger" };
        var account = new AccountKey("default", customerId);
        return new CaseInput(CaseIds.For(account, 1), policies.CurrentVersion) { Entity = account.Entity, CustomerId = account.CustomerId, Opening = CaseSignal.From(snapshot) };
    }

    /// <summary>The grade of the i-th account of a run: every fourth is D (a shorter ladder), the rest B.</summary>
    public static CreditGrade GradeOf(int index) => index % 4 == 3 ? CreditGrade.D : CreditGrade.B;

    /// <summary>The customer id of the i-th account of a run.</summary>
    public static string CustomerOf(int index) => "K-" + index.ToString("D6", CultureInfo.InvariantCulture);
}
