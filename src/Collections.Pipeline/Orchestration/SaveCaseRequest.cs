namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Input of <see cref="CaseTasks.SaveCase"/>: the case state (JSON), the new timeline rows (JSON array) from
/// sequence number <see cref="FirstSeq"/> on, and the new outbox rows.
/// </summary>
public sealed record SaveCaseRequest(string CaseId, string State, long FirstSeq, string Timeline, IReadOnlyList<PendingNotice> Outbox)
{
    /// <summary>
    /// The outbox ids of every notice the orchestration still waits to send (these new ones included); null in
    /// histories recorded before it existed. Lets the save cancel rows of runs a crash discarded.
    /// </summary>
    public IReadOnlyList<string>? Waiting { get; init; }
}
