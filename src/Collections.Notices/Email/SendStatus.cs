namespace Collections.Notices.Email;

/// <summary>The outcome of a send.</summary>
public enum SendStatus
{
    /// <summary>Accepted and (for ACS) delivered to the recipients' servers.</summary>
    Sent,

    /// <summary>Not sent; see <see cref="SendResult.Failure"/>.</summary>
    Failed,
}
