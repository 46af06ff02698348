namespace Collections.Operations.Apis.Models;

/// <summary>The operator's pause.</summary>
internal sealed record PauseDto(string Reason, DateTimeOffset Since, DateTimeOffset? Until);
