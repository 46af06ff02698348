namespace Collections.Operations.Apis.Requests;

/// <summary>Pause the case, optionally until an instant.</summary>
internal sealed record PauseRequest(string? Reason, DateTimeOffset? Until);
