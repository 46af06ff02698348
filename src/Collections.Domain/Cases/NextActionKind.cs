namespace Collections.Domain.Cases;

/// <summary>The kinds of wake-up a case can have.</summary>
public enum NextActionKind
{
    /// <summary>A ladder step (or pre-due notice) is due.</summary>
    LadderStep,

    /// <summary>An operator's pause ends.</summary>
    PauseEnds,

    /// <summary>A promise's grace period ends: kept or broken is decided.</summary>
    PromiseDue,

    /// <summary>The supervisor is reminded of a pending approval.</summary>
    ApprovalReminder,

    /// <summary>The final notice's deadline has passed: the account goes on credit hold if still unpaid.</summary>
    CreditHold,
}
