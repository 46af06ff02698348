namespace Collections.Domain.Cases.Effects;

/// <summary>Send a notice no earlier than At (a compliant send instant for debtor notices).</summary>
public sealed record SendNotice(NoticeKind Kind, DateTimeOffset At) : CaseEffect;
