using System.Collections.Concurrent;
using Collections.Notices.Email;

namespace Collections.Host.Tests.Durable;

/// <summary>Accepts every e-mail and keeps it, so a test can count e-mails per idempotency key.</summary>
internal sealed class CountingEmailSender : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> _sent = new();

    public IReadOnlyList<EmailMessage> Sent => [.. _sent];

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue(message);
        return Task.FromResult(SendResult.Sent("msg-" + message.OperationId.ToString("N")));
    }
}
