namespace Collections.Operations.Apis.Models;

/// <summary>A grade-A escalation approval request and its answer.</summary>
internal sealed record ApprovalDto(DateTimeOffset RequestedAt, string Decision, bool ReminderSent);
