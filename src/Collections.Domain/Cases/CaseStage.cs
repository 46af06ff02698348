namespace Collections.Domain.Cases;

/// <summary>
/// The rung of the dunning ladder a case has reached (its Durable-style customStatus). A case never
/// moves back down. <see cref="PreDue"/> is also the stage of a case that has sent nothing yet.
/// </summary>
public enum CaseStage
{
    /// <summary>Before the first dunning notice (付款通知函 is the pre-due notice).</summary>
    PreDue,

    /// <summary>Friendly reminder sent (友好提醒).</summary>
    Reminder,

    /// <summary>Formal demand letter sent (催款函).</summary>
    Demand,

    /// <summary>Final notice sent (最后通知函).</summary>
    FinalNotice,

    /// <summary>Referred to legal, account on credit hold (律师函 / 法务移交).</summary>
    Escalated,

    /// <summary>Overdue balance reached zero.</summary>
    Resolved,

    /// <summary>Written off as bad debt.</summary>
    WrittenOff,
}
