using System.Collections.Concurrent;
using System.Globalization;
using Collections.Notices.Email;

namespace Collections.Pipeline.Simulation;

/// <summary>Accepts every e-mail without sending it (the simulation's provider), keeping each one for the preview.</summary>
public sealed class SimulatedEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, EmailMessage> _sent = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>Every accepted message by its idempotency key (<c>caseId/outboxId</c>).</summary>
    public IReadOnlyDictionary<string, EmailMessage> Sent => _sent;

    /// <inheritdoc />
    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        _sent[message.IdempotencyKey] = message;
        return Task.FromResult(SendResult.Sent("sim-" + Interlocked.Increment(ref _count).ToString(CultureInfo.InvariantCulture)));
    }
}
