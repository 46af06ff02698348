namespace Collections.Operations.Apis.Models;

/// <summary>How many closed cases a purge deleted.</summary>
internal sealed record PurgeResultDto(int InstancesDeleted, int OlderThanDays);
