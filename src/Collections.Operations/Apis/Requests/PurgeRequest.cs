namespace Collections.Operations.Apis.Requests;

/// <summary>Purge completed and terminated cases that closed more than <c>olderThanDays</c> days ago.</summary>
internal sealed record PurgeRequest(int? OlderThanDays);
