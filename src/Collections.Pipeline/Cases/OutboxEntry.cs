using Collections.Domain.Cases;

namespace Collections.Pipeline.Cases;

/// <summary>
/// One notice to send for a case, written in the same transaction as the transition that decided it.
/// <see cref="Id"/> is unique within the case and stable, so it is also the e-mail's idempotency key.
/// </summary>
public sealed record OutboxEntry(string CaseId, string Id, NoticeKind Kind, DateTimeOffset DueAt, long CreatedAtVersion)
{
    /// <summary>Where the row is in its lifecycle.</summary>
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    /// <summary>Send attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Kind-specific context captured when the notice was decided (dispute invoices and reason).</summary>
    public IReadOnlyDictionary<string, string>? Context { get; init; }

    /// <summary>The provider's message id once known.</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>The last error.</summary>
    public string? Error { get; init; }

    /// <summary>When it was sent.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The row's ETag; updates are conditioned on it.</summary>
    public string? ETag { get; init; }

    /// <summary>The idempotency key of the e-mail: stable across crashes and retries.</summary>
    public string IdempotencyKey => $"{CaseId}/{Id}";
}
