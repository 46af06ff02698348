namespace Collections.Pipeline.Cases;

/// <summary>A notice could not be sent this time; the queue delivers the message again.</summary>
public sealed class NoticeDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoticeDeliveryException(string caseId, string outboxId, string error)
        : base($"Notice {outboxId} of case {caseId} was not sent: {error}")
    {
        CaseId = caseId;
        OutboxId = outboxId;
    }

    /// <summary>The case.</summary>
    public string CaseId { get; }

    /// <summary>The outbox row.</summary>
    public string OutboxId { get; }
}
