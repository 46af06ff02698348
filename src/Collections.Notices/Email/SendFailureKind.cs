namespace Collections.Notices.Email;

/// <summary>Whether a failed send is worth retrying.</summary>
public enum SendFailureKind
{
    /// <summary>Not a failure.</summary>
    None,

    /// <summary>Throttling, timeouts, server errors, network: retry later with the same idempotency key.</summary>
    Transient,

    /// <summary>Rejected request, bad recipient, dropped or cancelled by the provider: do not retry.</summary>
    Permanent,
}
