namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Input of <see cref="CaseTasks.SaveCase"/>: the case state (JSON), the new timeline rows (JSON array) from
/// sequence number <see cref="FirstSeq"/> on, and the new outbox rows.
/// </summary>
public sealed record SaveCaseRequest(string CaseId, string State, long FirstSeq, string Timeline, IReadOnlyList<PendingNotice> Outbox);
