namespace Collections.Pipeline.Orchestration;

/// <summary>
/// The custom status of a case instance, as operators read it in the task hub (and <c>GET .../orchestration</c>):
/// stage, traffic light, runtime status, the next action and its instant, and the last rejected signal.
/// </summary>
public sealed record CaseCustomStatus(string Stage, string Light, string Status, long Version)
{
    /// <summary>What wakes the case next.</summary>
    public string? NextAction { get; init; }

    /// <summary>When it wakes (the debtor's local time).</summary>
    public DateTimeOffset? NextAt { get; init; }

    /// <summary>Why the last signal was not applied, if it was not.</summary>
    public string? LastRejection { get; init; }
}
