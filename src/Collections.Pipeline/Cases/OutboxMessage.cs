namespace Collections.Pipeline.Cases;

/// <summary>Asks the dispatcher to send one outbox row.</summary>
public sealed record OutboxMessage(string CaseId, string OutboxId);
