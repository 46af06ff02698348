using System.Collections.Concurrent;
using Collections.Notices.Email;

namespace Collections.Benchmarks.Durable;

/// <summary>Accepts every e-mail and counts them per case (the idempotency key starts with the case id); no SMTP.</summary>
internal sealed class BenchCountingSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, int> _perCase = new(StringComparer.Ordinal);

    /// <summary>How many cases have had at least <paramref name="count"/> e-mails.</summary>
    public int CasesWithAtLeast(int count) => _perCase.Values.Count(n => n >= count);

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var key = message.IdempotencyKey;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _perCase.AddOrUpdate(slash < 0 ? key : key[..slash], 1, (_, n) => n + 1);
        return Task.FromResult(SendResult.Sent("bench-" + message.OperationId.ToString("N")));
    }
}
