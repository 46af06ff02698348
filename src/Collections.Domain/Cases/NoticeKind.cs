namespace Collections.Domain.Cases;

/// <summary>Every message the product sends. The first five are the ladder's notices.</summary>
public enum NoticeKind
{
    /// <summary>Friendly payment notice before the due date, with the statement (付款通知函).</summary>
    PreDue,

    /// <summary>Friendly reminder.</summary>
    Reminder,

    /// <summary>Formal demand letter, copied to the account's cc list; pay within 7 days (催款函).</summary>
    Demand,

    /// <summary>Final notice: unpaid by a stated date means credit hold and legal referral (最后通知函).</summary>
    FinalNotice,

    /// <summary>Referral notice to the debtor: the account is on credit hold and with legal.</summary>
    Escalation,

    /// <summary>Thank-you once the overdue balance is paid.</summary>
    Receipt,

    /// <summary>Confirms a promise to pay the debtor made.</summary>
    PromiseConfirmation,

    /// <summary>Acknowledges a dispute the debtor raised.</summary>
    DisputeAcknowledgement,

    /// <summary>Internal: reminds the supervisor that an escalation awaits approval.</summary>
    ApprovalReminder,

    /// <summary>Internal: hands the account to legal with the evidence pack.</summary>
    LegalHandoff,
}

/// <summary>Facts about notice kinds.</summary>
public static class NoticeKinds
{
    /// <summary>Dunning notices count for the minimum-gap rule; pre-due, receipts and acknowledgements do not.</summary>
    public static bool IsDunning(this NoticeKind kind) =>
        kind is NoticeKind.Reminder or NoticeKind.Demand or NoticeKind.FinalNotice or NoticeKind.Escalation;

    /// <summary>Internal notices go to the organisation's own people, never the debtor.</summary>
    public static bool IsInternal(this NoticeKind kind) =>
        kind is NoticeKind.ApprovalReminder or NoticeKind.LegalHandoff;

    /// <summary>The ladder stage a notice belongs to, or null for receipts, acknowledgements and internal notices.</summary>
    public static CaseStage? StageOf(this NoticeKind kind) => kind switch
    {
        NoticeKind.PreDue => CaseStage.PreDue,
        NoticeKind.Reminder => CaseStage.Reminder,
        NoticeKind.Demand => CaseStage.Demand,
        NoticeKind.FinalNotice => CaseStage.FinalNotice,
        NoticeKind.Escalation => CaseStage.Escalated,
        _ => null,
    };

    /// <summary>The notice a ladder stage sends.</summary>
    public static NoticeKind ForStage(CaseStage stage) => stage switch
    {
        CaseStage.PreDue => NoticeKind.PreDue,
        CaseStage.Reminder => NoticeKind.Reminder,
        CaseStage.Demand => NoticeKind.Demand,
        CaseStage.FinalNotice => NoticeKind.FinalNotice,
        CaseStage.Escalated => NoticeKind.Escalation,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Only ladder stages send a notice."),
    };
}
