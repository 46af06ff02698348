namespace Collections.Pipeline.Orchestration;

/// <summary>
/// The input of a case orchestration: a new case (account and opening snapshot) or a generation carried
/// over by ContinueAsNew (state and unsent notices). Domain objects travel as JSON text written with the
/// case's own JSON options, so any host's data converter carries them unchanged.
/// </summary>
public sealed record CaseInput(string CaseId, string PolicyVersion)
{
    /// <summary>The account's entity, for a new case.</summary>
    public string? Entity { get; init; }

    /// <summary>The account's customer id, for a new case.</summary>
    public string? CustomerId { get; init; }

    /// <summary>The snapshot that opens a new case.</summary>
    public CaseSignal? Opening { get; init; }

    /// <summary>The case state (JSON) carried into a new generation; null for a new case.</summary>
    public string? State { get; init; }

    /// <summary>Notices waiting for their instant.</summary>
    public IReadOnlyList<PendingNotice> Pending { get; init; } = [];

    /// <summary>Timeline rows written so far: the next row's sequence number.</summary>
    public long TimelineSeq { get; init; }

    /// <summary>How many generations ran before this one.</summary>
    public int Generation { get; init; }
}
