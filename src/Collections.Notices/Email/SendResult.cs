namespace Collections.Notices.Email;

/// <summary>The result of a send, recorded on the case timeline.</summary>
/// <param name="Status">Sent or failed.</param>
/// <param name="ProviderMessageId">The ACS operation id or the SMTP Message-ID; set whenever known, failures included.</param>
/// <param name="Failure">Transient or permanent when failed.</param>
/// <param name="ErrorCode">The provider's error code (e.g. <c>EmailDropped</c>, <c>HTTP 400</c>, <c>SMTP 550</c>).</param>
/// <param name="ErrorDetail">The provider's message; never contains anything this code did not receive.</param>
public sealed record SendResult(
    SendStatus Status,
    string? ProviderMessageId,
    SendFailureKind Failure,
    string? ErrorCode,
    string? ErrorDetail)
{
    /// <summary>Whether the send succeeded.</summary>
    public bool Succeeded => Status == SendStatus.Sent;

    /// <summary>A success.</summary>
    public static SendResult Sent(string providerMessageId) => new(SendStatus.Sent, providerMessageId, SendFailureKind.None, null, null);

    /// <summary>A failure worth retrying.</summary>
    public static SendResult Transient(string? providerMessageId, string errorCode, string? detail) =>
        new(SendStatus.Failed, providerMessageId, SendFailureKind.Transient, errorCode, detail);

    /// <summary>A failure not worth retrying.</summary>
    public static SendResult Permanent(string? providerMessageId, string errorCode, string? detail) =>
        new(SendStatus.Failed, providerMessageId, SendFailureKind.Permanent, errorCode, detail);
}
