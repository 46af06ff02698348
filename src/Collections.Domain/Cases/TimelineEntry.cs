namespace Collections.Domain.Cases;

/// <summary>One entry of a case's timeline. <see cref="Data"/> carries the details (invoice, amounts, file, reason...).</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineType Type,
    CaseStage? Stage = null,
    NoticeKind? Notice = null,
    string? Reason = null,
    string? Actor = null,
    IReadOnlyDictionary<string, string>? Data = null);
