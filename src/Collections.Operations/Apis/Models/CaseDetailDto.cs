namespace Collections.Operations.Apis.Models;

/// <summary>Everything about one case: state, balances, items, timeline, deliveries, next timer and evidence.</summary>
internal sealed record CaseDetailDto
{
    public required CaseSummaryDto Summary { get; init; }

    public ContactDto? Contact { get; init; }

    public required DateOnly LedgerAsOf { get; init; }

    public required long Version { get; init; }

    public required IReadOnlyList<ItemDto> Items { get; init; }

    public required IReadOnlyList<string> DisputedInvoiceIds { get; init; }

    public PromiseDto? Promise { get; init; }

    public PauseDto? Pause { get; init; }

    public ApprovalDto? Approval { get; init; }

    public bool CreditHold { get; init; }

    public bool DisputeHold { get; init; }

    public int PromisesKept { get; init; }

    public int PromisesBroken { get; init; }

    public string? CloseReason { get; init; }

    public NextTimerDto? PlannedStep { get; init; }

    public required IReadOnlyDictionary<string, DateTimeOffset> StepsTaken { get; init; }

    public required IReadOnlyList<TimelineEntryDto> Timeline { get; init; }

    public required IReadOnlyList<DeliveryDto> Deliveries { get; init; }

    public EvidenceLinkDto? Evidence { get; init; }
}
