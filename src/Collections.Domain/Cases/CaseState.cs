using System.Collections.Immutable;
using Collections.Domain.Ledger;

namespace Collections.Domain.Cases;

/// <summary>
/// The full state of one dunning case (one overdue-account episode). Immutable; only
/// <see cref="CaseMachine"/> produces new states. Runtime status is derived, never set directly.
/// </summary>
public sealed record CaseState
{
    /// <summary>Unique id of the case.</summary>
    public required string CaseId { get; init; }

    /// <summary>The account the case runs for.</summary>
    public required AccountKey Account { get; init; }

    /// <summary>Customer name from the latest snapshot.</summary>
    public string CustomerName { get; init; } = "";

    /// <summary>Contact details from the latest snapshot.</summary>
    public ContactDetails? Contact { get; init; }

    /// <summary>Open items from the latest snapshot.</summary>
    public ImmutableArray<LedgerItem> Items { get; init; } = [];

    /// <summary>As-of date of the latest snapshot.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>SHA-256 of the latest snapshot file applied; the same file is never applied twice.</summary>
    public string? LastSnapshotSha256 { get; init; }

    /// <summary>Rung reached on the ladder.</summary>
    public CaseStage Stage { get; init; } = CaseStage.PreDue;

    /// <summary>Incremented by every accepted event; timers carry it so stale ones are dropped.</summary>
    public long Version { get; init; }

    /// <summary>When the case was opened.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the case last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Invoices disputed on the case (in addition to items flagged disputed in the ledger).</summary>
    public ImmutableSortedSet<string> DisputedInvoiceIds { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>When each ladder stage was taken.</summary>
    public ImmutableDictionary<CaseStage, DateTimeOffset> StepsTaken { get; init; } = ImmutableDictionary<CaseStage, DateTimeOffset>.Empty;

    /// <summary>When the last dunning notice (Reminder..Escalation) went out; drives the minimum gap.</summary>
    public DateTimeOffset? LastDunningAt { get; init; }

    /// <summary>The due date the last pre-due notice announced.</summary>
    public DateOnly? PreDueNoticeFor { get; init; }

    /// <summary>Whether the account has been overdue during this case.</summary>
    public bool WasOverdue { get; init; }

    /// <summary>The running promise, if any.</summary>
    public PromiseToPay? Promise { get; init; }

    /// <summary>The operator's pause, if any.</summary>
    public ManualPause? Pause { get; init; }

    /// <summary>No debtor notices while set; the ladder still advances.</summary>
    public bool DoNotContact { get; init; }

    /// <summary>Set on escalation: the account is on credit hold.</summary>
    public bool CreditHold { get; init; }

    /// <summary>An operator asked to escalate now.</summary>
    public bool EscalationRequested { get; init; }

    /// <summary>Grade A escalation approval.</summary>
    public EscalationApproval? Approval { get; init; }

    /// <summary>What wakes the case next.</summary>
    public NextAction? Next { get; init; }

    /// <summary>The next ladder step as planned, shown to operators even while the case is paused.</summary>
    public PlannedStep? PlannedStep { get; init; }

    /// <summary>The last deferral recorded on the timeline (stage|reason|instant), so it is recorded once.</summary>
    public string? LastDeferral { get; init; }

    /// <summary>Promises kept during the case.</summary>
    public int PromisesKept { get; init; }

    /// <summary>Promises broken during the case.</summary>
    public int PromisesBroken { get; init; }

    /// <summary>Set when processing failed repeatedly.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Set when the case was terminated.</summary>
    public bool Terminated { get; init; }

    /// <summary>Why the case ended, when it has.</summary>
    public string? CloseReason { get; init; }

    /// <summary>When the case ended.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Everything overdue is disputed on the case: collection waits for the dispute.</summary>
    public bool DisputeHold { get; init; }

    /// <summary>Whether the case has ended.</summary>
    public bool IsClosed => Terminated || Stage is CaseStage.Resolved or CaseStage.WrittenOff;

    /// <summary>The runtime status, derived from the state.</summary>
    public RuntimeStatus Status =>
        Terminated ? RuntimeStatus.Terminated
        : IsClosed ? RuntimeStatus.Completed
        : FailureReason is not null ? RuntimeStatus.Failed
        : Pause is not null || Promise is not null || DisputeHold ? RuntimeStatus.Suspended
        : StepsTaken.IsEmpty ? RuntimeStatus.Pending
        : RuntimeStatus.Running;

    /// <summary>A new, empty case; its first event is the <see cref="Events.SnapshotApplied"/> that opens it.</summary>
    public static CaseState New(string caseId, AccountKey account, DateTimeOffset now) =>
        new() { CaseId = caseId, Account = account, CreatedAt = now, LastUpdatedAt = now };
}
