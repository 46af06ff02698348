namespace Collections.Domain.Cases;

/// <summary>The state of an escalation approval (grade A).</summary>
public enum ApprovalDecision
{
    /// <summary>Requested, no answer yet.</summary>
    Pending,

    /// <summary>Approved: escalation may proceed.</summary>
    Approved,

    /// <summary>Rejected: the case stays below escalation unless an operator escalates it.</summary>
    Rejected,
}
