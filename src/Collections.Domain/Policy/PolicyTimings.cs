namespace Collections.Domain.Policy;

/// <summary>Numeric timing rules of a policy, with the defaults of domain.md section 4.</summary>
public sealed record PolicyTimings
{
    /// <summary>Days before the earliest upcoming due date on which the pre-due notice goes out (default 5).</summary>
    public int PreDueDaysBefore { get; init; } = 5;

    /// <summary>Whether pre-due notices are sent at all (default true).</summary>
    public bool PreDueEnabled { get; init; } = true;

    /// <summary>Minimum days between two dunning notices to one account (default 7).</summary>
    public int MinimumGapDays { get; init; } = 7;

    /// <summary>Escalation needs a final notice at least this many days before (default 7).</summary>
    public int EscalationMinDaysAfterFinalNotice { get; init; } = 7;

    /// <summary>A demand letter asks for payment within this many days (default 7).</summary>
    public int DemandPaymentDays { get; init; } = 7;

    /// <summary>A final notice states a date this many days after sending (default 7).</summary>
    public int FinalNoticeDeadlineDays { get; init; } = 7;

    /// <summary>A promised date may lie at most this many days ahead (default 30).</summary>
    public int PromiseMaxDaysAhead { get; init; } = 30;

    /// <summary>Grace days after a promised date before the promise counts as broken (default 2).</summary>
    public int PromiseGraceDays { get; init; } = 2;

    /// <summary>Business days an escalation may await approval before the supervisor is reminded (default 3).</summary>
    public int ApprovalReminderBusinessDays { get; init; } = 3;

    /// <summary>
    /// Late-payment interest, in percent a year, that the creditor's terms allow on overdue amounts; null
    /// (the default) when the policy sets none. Demand and later notices state it only when it is set.
    /// </summary>
    public decimal? LateInterestAnnualPercent { get; init; }

    /// <summary>Whether a thank-you receipt goes out when a case is paid (default true).</summary>
    public bool SendReceiptOnPayment { get; init; } = true;
}
