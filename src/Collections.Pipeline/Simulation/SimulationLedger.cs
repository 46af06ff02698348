using Collections.Domain.Ledger;

namespace Collections.Pipeline.Simulation;

/// <summary>A validated ledger snapshot to apply at its as-of date 00:00 UTC.</summary>
public sealed record SimulationLedger(string FileName, string Sha256, DateOnly AsOf, IReadOnlyList<CustomerAccount> Accounts);
