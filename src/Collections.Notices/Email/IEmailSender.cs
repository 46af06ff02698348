namespace Collections.Notices.Email;

/// <summary>
/// Sends one e-mail. Implementations never throw for delivery problems: they return a
/// <see cref="SendResult"/> saying whether a failure is permanent (do not retry) or transient (retry
/// later with the same <see cref="EmailMessage.IdempotencyKey"/>, which deduplicates at the provider).
/// Cancellation is the only exception.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
