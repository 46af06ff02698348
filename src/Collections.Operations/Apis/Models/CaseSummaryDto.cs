namespace Collections.Operations.Apis.Models;

/// <summary>One case in Durable Functions' instance-status vocabulary plus the dunning fields.</summary>
internal sealed record CaseSummaryDto
{
    public required string InstanceId { get; init; }

    public required string RuntimeStatus { get; init; }

    /// <summary>The ladder stage.</summary>
    public required string CustomStatus { get; init; }

    public required DateTimeOffset CreatedTime { get; init; }

    public required DateTimeOffset LastUpdatedTime { get; init; }

    public DateTimeOffset? ClosedTime { get; init; }

    public required string Entity { get; init; }

    public required string CustomerId { get; init; }

    public required string CustomerName { get; init; }

    public string? Grade { get; init; }

    public required DateOnly BalanceDate { get; init; }

    public required IReadOnlyList<BalanceDto> Balances { get; init; }

    public required int DaysOverdue { get; init; }

    public required string Bucket { get; init; }

    public required string Light { get; init; }

    public NextTimerDto? NextTimer { get; init; }

    public bool DoNotContact { get; init; }

    public string? FailureReason { get; init; }
}
