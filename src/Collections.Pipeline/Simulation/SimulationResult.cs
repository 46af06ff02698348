using Collections.Notices.Email;

namespace Collections.Pipeline.Simulation;

/// <summary>What a simulation produced: every case and the events that could not be applied.</summary>
public sealed record SimulationResult(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SimulatedCase> Cases, IReadOnlyList<string> Warnings)
{
    /// <summary>Every notice the simulation rendered and "sent", by idempotency key (<c>caseId/outboxId</c>, the <c>outboxId</c> of its NoticeSent entry).</summary>
    public IReadOnlyDictionary<string, EmailMessage> Messages { get; init; } = new Dictionary<string, EmailMessage>(StringComparer.Ordinal);

    /// <summary>The message a NoticeSent timeline entry of a case records, if the simulation sent it.</summary>
    public EmailMessage? MessageOf(string caseId, IReadOnlyDictionary<string, string>? entryData) =>
        entryData?.GetValueOrDefault("outboxId") is { } outboxId && Messages.TryGetValue($"{caseId}/{outboxId}", out var message) ? message : null;
}
