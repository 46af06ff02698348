using System.Text.Json;

namespace Collections.Operations.Apis.Models;

/// <summary>A case's orchestration instance as the Durable Task SDK reports it (<c>GET /api/cases/{id}/orchestration</c>).</summary>
internal sealed record OrchestrationDto(
    string InstanceId,
    string Name,
    string RuntimeStatus,
    JsonElement? CustomStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt);
