namespace Collections.Domain.Cases;

/// <summary>The kinds of entry on a case's append-only timeline.</summary>
public enum TimelineType
{
    /// <summary>The case was opened for an account episode.</summary>
    CaseOpened,

    /// <summary>A ledger item appeared.</summary>
    ItemAdded,

    /// <summary>A ledger item's open amount went down but not to zero.</summary>
    ItemPartiallyPaid,

    /// <summary>A ledger item is gone from the newest snapshot: settled.</summary>
    ItemSettled,

    /// <summary>A ledger item changed otherwise (due date, amount up, dispute flag).</summary>
    ItemChanged,

    /// <summary>A snapshot lowered what the account owes.</summary>
    PaymentReceived,

    /// <summary>A notice was delivered to the provider.</summary>
    NoticeSent,

    /// <summary>A notice goes out later than its step's day, with the reason.</summary>
    NoticeDeferred,

    /// <summary>A step happened but its notice was not sent (do-not-contact).</summary>
    NoticeSuppressed,

    /// <summary>Sending a notice failed.</summary>
    NoticeFailed,

    /// <summary>A promise to pay was recorded.</summary>
    PromiseRecorded,

    /// <summary>A promise was kept.</summary>
    PromiseKept,

    /// <summary>A promise was broken.</summary>
    PromiseBroken,

    /// <summary>Invoices were disputed.</summary>
    Disputed,

    /// <summary>A dispute was resolved.</summary>
    DisputeResolved,

    /// <summary>The case was paused.</summary>
    Paused,

    /// <summary>The case was resumed.</summary>
    Resumed,

    /// <summary>The do-not-contact flag was switched on.</summary>
    DoNotContactOn,

    /// <summary>The do-not-contact flag was switched off.</summary>
    DoNotContactOff,

    /// <summary>An operator asked for immediate escalation.</summary>
    EscalationRequested,

    /// <summary>Escalation awaits an operator's approval.</summary>
    ApprovalRequested,

    /// <summary>Escalation approved.</summary>
    ApprovalGranted,

    /// <summary>Escalation rejected.</summary>
    ApprovalRejected,

    /// <summary>The account was escalated to legal and put on credit hold.</summary>
    Escalated,

    /// <summary>
    /// The account was placed on credit hold: the final notice's deadline passed with the overdue balance
    /// unpaid (reason <c>FinalNoticeDeadlinePassed</c>), or at escalation if it was not on hold yet
    /// (reason <c>Escalated</c>). Recorded for finance to post in the ERP.
    /// </summary>
    CreditHoldPlaced,

    /// <summary>The overdue balance reached zero.</summary>
    Resolved,

    /// <summary>Written off.</summary>
    WrittenOff,

    /// <summary>Terminated by an operator.</summary>
    Terminated,

    /// <summary>Processing failed repeatedly.</summary>
    Failed,

    /// <summary>An operator retried a failed case.</summary>
    Retried,
}
