using Microsoft.AspNetCore.Mvc;

namespace Collections.Operations.Apis;

/// <summary>
/// Query string of <c>GET /api/cases</c>. List values are comma-separated; every filter is optional.
/// Values are parsed by <see cref="CaseListCriteria.TryParse"/> so that a bad one answers 400 naming the field.
/// </summary>
internal sealed class CaseListQuery
{
    /// <summary>Pending, Running, Suspended, Completed, Terminated, Failed.</summary>
    [FromQuery(Name = "runtimeStatus")]
    public string? RuntimeStatus { get; init; }

    /// <summary>PreDue, Reminder, Demand, FinalNotice, Escalated, Resolved, WrittenOff.</summary>
    [FromQuery(Name = "stage")]
    public string? Stage { get; init; }

    /// <summary>green, yellow, red.</summary>
    [FromQuery(Name = "light")]
    public string? Light { get; init; }

    /// <summary>A, B, C, D.</summary>
    [FromQuery(Name = "grade")]
    public string? Grade { get; init; }

    /// <summary>ISO 4217 codes: cases with an item in one of them.</summary>
    [FromQuery(Name = "currency")]
    public string? Currency { get; init; }

    [FromQuery(Name = "entity")]
    public string? Entity { get; init; }

    /// <summary>ISO 8601 instant: next timer at or after.</summary>
    [FromQuery(Name = "nextActionFrom")]
    public string? NextActionFrom { get; init; }

    /// <summary>ISO 8601 instant: next timer before.</summary>
    [FromQuery(Name = "nextActionTo")]
    public string? NextActionTo { get; init; }

    /// <summary>Text search (case-insensitive) in customer id and name.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>1 to 200, default 50.</summary>
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    [FromQuery(Name = "continuationToken")]
    public string? ContinuationToken { get; init; }
}
