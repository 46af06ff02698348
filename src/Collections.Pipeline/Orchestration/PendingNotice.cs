using Collections.Domain.Cases;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// A notice decided by a transition and not yet sent because it waits for a compliant instant.
/// <see cref="OutboxId"/> is stable (<c>o|version|n</c>), so the e-mail's idempotency key is too.
/// </summary>
public sealed record PendingNotice(string OutboxId, NoticeKind Kind, DateTimeOffset At)
{
    /// <summary>Dispute invoices and reason for an acknowledgement, captured when it was decided.</summary>
    public IReadOnlyDictionary<string, string>? Context { get; init; }
}
