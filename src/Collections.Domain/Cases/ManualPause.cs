namespace Collections.Domain.Cases;

/// <summary>An operator's pause, open-ended when <see cref="Until"/> is null.</summary>
public sealed record ManualPause(string Reason, DateTimeOffset Since, DateTimeOffset? Until);
