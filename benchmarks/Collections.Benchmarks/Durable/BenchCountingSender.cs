using System.Collections.Concurrent;
using System.Diagnostics;
using Collections.Notices.Email;

namespace Collections.Benchmarks.Durable;

/// <summary>
/// Accepts every e-mail and counts them per case (the idempotency key starts with the case id); no SMTP. Records when
/// the <c>cases</c>-th case received its n-th e-mail, on a stopwatch started with the sender.
/// </summary>
internal sealed class BenchCountingSender(int cases) : IEmailSender
{
    private readonly ConcurrentDictionary<string, int> _perCase = new(StringComparer.Ordinal);
    private readonly int[] _casesAtLevel = new int[16];
    private readonly ConcurrentDictionary<int, TimeSpan> _levelReached = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>When every case had at least <paramref name="count"/> e-mails, or null.</summary>
    public TimeSpan? AllReached(int count) => _levelReached.TryGetValue(count, out var at) ? at : null;

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var key = message.IdempotencyKey;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var n = _perCase.AddOrUpdate(slash < 0 ? key : key[..slash], 1, (_, n) => n + 1);
        if (n < _casesAtLevel.Length && Interlocked.Increment(ref _casesAtLevel[n]) == cases)
        {
            _levelReached[n] = _clock.Elapsed;
        }

        return Task.FromResult(SendResult.Sent("bench-" + message.OperationId.ToString("N")));
    }
}
