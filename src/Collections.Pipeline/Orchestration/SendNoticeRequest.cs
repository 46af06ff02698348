namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Input of <see cref="CaseTasks.SendNotice"/>: the outbox row to send, the case state (JSON) it is rendered
/// from, the orchestration's instant and the sequence number of the timeline row recording the outcome.
/// </summary>
public sealed record SendNoticeRequest(string CaseId, string PolicyVersion, string State, PendingNotice Notice, DateTimeOffset At, long TimelineSeq);
