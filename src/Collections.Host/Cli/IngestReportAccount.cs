namespace Collections.Host.Cli;

/// <summary>An account's position on the as-of date and the first notice the default policy would send.</summary>
internal sealed record IngestReportAccount(
    string Entity,
    string CustomerId,
    string CustomerName,
    int DaysOverdue,
    string Bucket,
    string Light,
    string? OldestOverdueDueDate,
    IReadOnlyList<IngestReportBalance> Balances,
    IngestReportStep? NextStep);
