namespace Collections.Pipeline.Cases;

/// <summary>Asks the dispatcher to send one outbox row.</summary>
public sealed record OutboxMessage(string CaseId, string OutboxId)
{
    /// <summary>The queue message text.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, CaseJson.Options);
}
