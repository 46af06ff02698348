namespace Collections.Domain.Policy;

/// <summary>The local hours in which debtor notices may be sent: [Open, Close).</summary>
public sealed record SendWindow(TimeOnly Open, TimeOnly Close)
{
    /// <summary>Whether a local time of day is inside the window.</summary>
    public bool Contains(TimeOnly time) => time >= Open && time < Close;
}
