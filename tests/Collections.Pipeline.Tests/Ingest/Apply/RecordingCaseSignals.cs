using System.Collections.Concurrent;
using Collections.Domain.Aging;
using Collections.Domain.Ledger;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest.Apply;

namespace Collections.Pipeline.Tests.Ingest.Apply;

/// <summary>
/// A recording <see cref="ICaseSignals"/> at ingest's unit boundary: these tests care what ingest asks of the
/// cases (which accounts are signalled, which open a case), not how the cases run (the orchestration tests and
/// DurableCaseSignals' tests cover that). Decides as DurableCaseSignals does from the account record alone: a
/// snapshot already applied is skipped, a running case is signalled, an account that owes something opens the
/// next episode. <see cref="FailAfter"/> makes the next call after that many throw, as a crash would.
/// </summary>
internal sealed class RecordingCaseSignals(IAccountStore accounts) : ICaseSignals
{
    private int _calls;

    /// <summary>Throws an <see cref="IOException"/> once this many calls have succeeded (null: never).</summary>
    public int? FailAfter { get; set; }

    /// <summary>Every call that got past the failure point, in order.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Case ids opened (one per new episode).</summary>
    public ConcurrentQueue<string> Opened { get; } = new();

    /// <summary>Running case ids a snapshot was raised on.</summary>
    public ConcurrentQueue<string> Signalled { get; } = new();

    public Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(source);
        Count();
        if (string.Equals(record.LastSha256, source.Sha256, StringComparison.Ordinal))
        {
            return Task.FromResult(record);
        }

        var next = record with { LastSha256 = source.Sha256, LastAsOf = source.AsOf };
        if (record.ActiveCaseId is { } running)
        {
            Signalled.Enqueue(running);
            return Task.FromResult(next);
        }

        var balance = AccountBalance.Compute(account.Items, source.AsOf);
        if (!balance.HasDebt && !balance.HasOverdue)
        {
            return Task.FromResult(next);
        }

        var opened = CaseIds.For(account.Key, record.Episode + 1);
        Opened.Enqueue(opened);
        return Task.FromResult(next with { ActiveCaseId = opened, Episode = record.Episode + 1 });
    }

    public async Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var record = await accounts.GetAsync(account.Key.Entity, account.Key.CustomerId, cancellationToken) ?? new AccountRecord(account.Key.Entity, account.Key.CustomerId);
        var next = await SignalSnapshotAsync(account, record, source, cancellationToken);
        await accounts.SaveAsync(next, cancellationToken);
        return next.Episode > record.Episode ? SnapshotOutcome.Opened : SnapshotOutcome.Applied;
    }

    public Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken) =>
        Task.FromResult(0);

    private void Count()
    {
        if (FailAfter is { } limit && Volatile.Read(ref _calls) >= limit)
        {
            FailAfter = null;
            throw new IOException("Simulated crash while signalling a case.");
        }

        Interlocked.Increment(ref _calls);
    }
}
