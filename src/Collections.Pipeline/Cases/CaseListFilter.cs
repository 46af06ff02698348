using Collections.Domain.Cases;

namespace Collections.Pipeline.Cases;

/// <summary>Filters the store can apply cheaply (further filters such as light are applied by the caller).</summary>
public sealed record CaseListFilter
{
    /// <summary>Only these runtime statuses.</summary>
    public IReadOnlySet<RuntimeStatus>? Statuses { get; init; }

    /// <summary>Only this entity.</summary>
    public string? Entity { get; init; }

    /// <summary>Only cases whose next action is at or after this instant.</summary>
    public DateTimeOffset? NextActionFrom { get; init; }

    /// <summary>Only cases whose next action is before this instant.</summary>
    public DateTimeOffset? NextActionBefore { get; init; }

    /// <summary>Only closed cases that closed before this instant (for purging).</summary>
    public DateTimeOffset? ClosedBefore { get; init; }
}
