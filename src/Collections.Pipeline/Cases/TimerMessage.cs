namespace Collections.Pipeline.Cases;

/// <summary>A durable timer: wake <see cref="CaseId"/> at <see cref="DueAt"/> if it is still at <see cref="Version"/>.</summary>
public sealed record TimerMessage(string CaseId, long Version, DateTimeOffset DueAt)
{
    /// <summary>The queue message text.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, CaseJson.Options);
}
