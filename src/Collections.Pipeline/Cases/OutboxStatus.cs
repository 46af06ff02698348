namespace Collections.Pipeline.Cases;

/// <summary>Lifecycle of one outbox row.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent at or after its due instant.</summary>
    Pending,

    /// <summary>Claimed by a dispatcher; the send is in flight (or a dispatcher crashed during it).</summary>
    Sending,

    /// <summary>Delivered to the provider.</summary>
    Sent,

    /// <summary>Permanently failed.</summary>
    Failed,

    /// <summary>Not sent: the case closed or went do-not-contact before its time.</summary>
    Cancelled,

    /// <summary>A crash left it unknown whether the provider got it; not re-sent to avoid a duplicate.</summary>
    Uncertain,
}
