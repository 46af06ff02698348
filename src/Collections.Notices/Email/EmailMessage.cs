using Collections.Notices.Rendering;

namespace Collections.Notices.Email;

/// <summary>An e-mail to send. The sender address is the sender's own configuration.</summary>
/// <param name="To">Primary recipients (at least one).</param>
/// <param name="Cc">Copied recipients.</param>
/// <param name="ReplyTo">Reply-To addresses.</param>
/// <param name="Subject">One-line subject.</param>
/// <param name="Html">HTML body.</param>
/// <param name="Text">Plain-text body.</param>
/// <param name="IdempotencyKey">
/// Stable per outbox row (e.g. "entity/customer/case-7/demand/1"): the same key always yields the same
/// ACS <c>Operation-Id</c> and SMTP <c>Message-ID</c>, so a retry after a crash is deduplicated.
/// </param>
public sealed record EmailMessage(
    IReadOnlyList<EmailAddress> To,
    IReadOnlyList<EmailAddress> Cc,
    IReadOnlyList<EmailAddress> ReplyTo,
    string Subject,
    string Html,
    string Text,
    string IdempotencyKey)
{
    /// <summary>The message for a rendered notice.</summary>
    public static EmailMessage FromNotice(RenderedNotice notice, string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        return new EmailMessage(notice.To, notice.Cc, notice.ReplyTo, notice.Subject, notice.Html, notice.Text, idempotencyKey);
    }

    /// <summary>The deterministic GUID of <see cref="IdempotencyKey"/> (see <see cref="IdempotencyKeys.ToGuid"/>).</summary>
    public Guid OperationId => IdempotencyKeys.ToGuid(IdempotencyKey);
}
