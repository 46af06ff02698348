using Collections.Domain.Policy;

namespace Collections.Domain.Cases;

/// <summary>
/// Domain.md section 4, FinalNotice: unpaid by the deadline the final notice stated (its sending date +
/// the policy's days), the account goes on credit hold. A running promise, a pause or a dispute hold
/// defers it (it is decided again when they end); escalation places the hold if it is not in place yet.
/// </summary>
internal static class CreditHoldRule
{
    /// <summary>Reason recorded when the final notice's deadline passed unpaid.</summary>
    public const string DeadlinePassed = "FinalNoticeDeadlinePassed";

    /// <summary>Reason recorded when escalation put the account on hold.</summary>
    public const string Escalated = "Escalated";

    /// <summary>When the hold falls due for this case, or null when it never will (already on hold, no final notice, held, nothing overdue).</summary>
    public static DateTimeOffset? Due(CaseBuilder b) =>
        b.S.CreditHold || b.S.Stage >= CaseStage.Escalated || CasePlanner.HoldReason(b.S) is not null || !b.Balance().HasOverdue
            ? null
            : CaseDeadlines.CreditHoldDue(b.S, b.Policy);

    /// <summary>Places the hold when its time has come.</summary>
    public static void PlaceIfDue(CaseBuilder b)
    {
        b.RefreshDisputeHold();
        if (Due(b) is { } due && due <= b.Now)
        {
            Place(b, DeadlinePassed);
        }
    }

    /// <summary>Puts the account on credit hold and records it with the deadline that passed.</summary>
    public static void Place(CaseBuilder b, string reason)
    {
        var deadline = CaseDeadlines.FinalNotice(b.S, b.Policy);
        b.S = b.S with { CreditHold = true };
        b.Timeline(
            TimelineType.CreditHoldPlaced,
            b.S.Stage,
            reason: reason,
            data: deadline is { } d ? CaseHandlers.Data(("finalNoticeDeadline", CaseHandlers.Date(d))) : null,
            actor: "system");
    }
}
