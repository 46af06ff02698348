namespace Collections.Pipeline.Cases;

/// <summary>What one sweep re-armed.</summary>
public sealed record SweepResult(int TimersRearmed, int NoticesRequeued);
