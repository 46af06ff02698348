namespace Collections.Domain.Policy;

/// <summary>Reason codes recorded when a notice goes out later than its step's day, or not at all.</summary>
public static class DeferralReasons
{
    /// <summary>The step fell on a weekend or holiday in the debtor's calendar.</summary>
    public const string NonBusinessDay = "NonBusinessDay";

    /// <summary>The step became due outside the send window (default 09:00-20:00 local).</summary>
    public const string OutsideSendWindow = "OutsideSendWindow";

    /// <summary>Fewer than the minimum days since the previous dunning notice.</summary>
    public const string MinimumGap = "MinimumGap";

    /// <summary>Escalation waits until a final notice is old enough and the deadline it stated has passed.</summary>
    public const string FinalNoticeFirst = "FinalNoticeFirst";

    /// <summary>An operator paused the case.</summary>
    public const string Paused = "Paused";

    /// <summary>A promise to pay is running.</summary>
    public const string PromisePending = "PromisePending";

    /// <summary>Everything overdue is disputed.</summary>
    public const string Disputed = "Disputed";

    /// <summary>The escalation waits for an operator's approval.</summary>
    public const string AwaitingApproval = "AwaitingApproval";

    /// <summary>The escalation was rejected by an operator.</summary>
    public const string EscalationRejected = "EscalationRejected";

    /// <summary>The account must not be contacted; the step happened but nothing was sent.</summary>
    public const string DoNotContact = "DoNotContact";
}
