using Collections.Domain.Cases.Events;

namespace Collections.Domain.Cases;

/// <summary>
/// Operator actions that would change nothing: the case already is what the action asks for (the same promise
/// again, the same invoices disputed again, pause while paused until the same instant, resume while running,
/// escalate when escalation is requested or done, the same approval decision, do-not-contact already so, write-off
/// of a written-off case, termination of a terminated one). They are acknowledged without a new version, timeline
/// entry or notice, so a repeated or concurrent identical request is harmless.
/// </summary>
internal static class CaseNoOps
{
    /// <summary>Why <paramref name="evt"/> changes nothing on <paramref name="state"/>, or null when it is a real change (or a rejection).</summary>
    public static string? Describe(CaseState state, CaseEvent evt)
    {
        if (state.IsClosed)
        {
            return evt switch
            {
                WriteOffRequested when state.Stage == CaseStage.WrittenOff => "the case is already written off",
                TerminateRequested when state.Terminated => "the case is already terminated",
                _ => null,
            };
        }

        return evt switch
        {
            PromiseMade e when state.Promise is { } p && p.PromisedDate == e.PromisedDate && p.Amount == e.Amount
                => "the same promise is already recorded",
            DisputeRaised e when e.InvoiceIds.Count > 0 && e.InvoiceIds.All(state.DisputedInvoiceIds.Contains)
                => "those invoices are already disputed",
            DisputeSettled e when e.InvoiceIds.Count > 0 && !e.InvoiceIds.Any(state.DisputedInvoiceIds.Contains)
                && e.InvoiceIds.All(id => state.Items.Any(i => string.Equals(i.InvoiceId, id, StringComparison.Ordinal)))
                => "those invoices are not disputed",
            PauseRequested e when state.Pause is { } pause && pause.Until == e.Until => "the case is already paused",
            ResumeRequested when state.Pause is null => "the case is not paused",
            EscalateNowRequested when state.EscalationRequested => "escalation is already requested",
            EscalateNowRequested when state.Stage >= CaseStage.Escalated => "the case is already escalated",
            EscalationApproved when state.Approval?.Decision == ApprovalDecision.Approved => "the escalation is already approved",
            EscalationRejected when state.Approval?.Decision == ApprovalDecision.Rejected => "the escalation is already rejected",
            DoNotContactChanged e when state.DoNotContact == e.On => e.On ? "do-not-contact is already on" : "do-not-contact is already off",
            _ => null,
        };
    }
}
