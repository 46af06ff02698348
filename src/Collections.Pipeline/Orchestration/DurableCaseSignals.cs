using Collections.Domain.Aging;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Projections;
using Collections.Pipeline.WriteOffs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Collections.Pipeline.Orchestration;

/// <summary>
/// Ingest's signals to cases through the Durable Task SDK's client. An account's running case (its instance still
/// running) gets the snapshot as a <see cref="CaseTasks.SignalEvent"/> event, which the backend queues while the
/// instance is busy; an account that owes something and has no running case gets a new instance whose id is the
/// next episode's case id. A completed instance is never signalled (the framework drops such events). A snapshot
/// older than the one last applied to the account is not signalled, and the case itself refuses an older as-of,
/// so two snapshots of one account apply in as-of order whatever order they arrive in.
/// </summary>
public sealed partial class DurableCaseSignals : ICaseSignals
{
    private const int MaxConflictRetries = 8;

    private readonly DurableTaskClient _client;
    private readonly IAccountStore _accounts;
    private readonly IWriteOffRegister _writeOffs;
    private readonly ICaseProjectionStore _projections;
    private readonly PolicyCatalog _policies;
    private readonly TimeProvider _time;
    private readonly ILogger<DurableCaseSignals> _logger;

    /// <summary>Creates the signaller.</summary>
    public DurableCaseSignals(DurableTaskClient client, IAccountStore accounts, IWriteOffRegister writeOffs, ICaseProjectionStore projections, PolicyCatalog policies, TimeProvider time, ILogger<DurableCaseSignals> logger)
    {
        _client = client;
        _accounts = accounts;
        _writeOffs = writeOffs;
        _projections = projections;
        _policies = policies;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<AccountRecord> SignalSnapshotAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(source);
        return (await DecideAsync(account, record, source, cancellationToken)).Record;
    }

    /// <inheritdoc />
    public async Task<SnapshotOutcome> ApplySnapshotAsync(CustomerAccount account, SnapshotSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(source);
        for (var attempt = 0; ; attempt++)
        {
            var record = await _accounts.GetAsync(account.Key.Entity, account.Key.CustomerId, cancellationToken)
                ?? new AccountRecord(account.Key.Entity, account.Key.CustomerId);
            var (outcome, next) = await DecideAsync(account, record, source, cancellationToken);
            if (outcome is SnapshotOutcome.AlreadyApplied or SnapshotOutcome.Stale)
            {
                return outcome;
            }

            try
            {
                await _accounts.SaveAsync(next, cancellationToken);
                return outcome;
            }
            catch (CaseConcurrencyException) when (attempt < MaxConflictRetries)
            {
                // Deciding again is safe: the case refuses a snapshot it has applied, and an existing instance is adopted.
                LogConflict(account.Key.ToString(), attempt);
            }
        }
    }

    /// <summary>
    /// Accounts of the entity with a running case that a newer snapshot no longer lists have nothing open: each
    /// gets an empty snapshot (with the contact details its case holds), which resolves its case.
    /// </summary>
    public async Task<int> SettleAbsentAccountsAsync(string entity, IReadOnlySet<string> presentCustomerIds, SnapshotSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presentCustomerIds);
        var absent = new List<AccountRecord>();
        await foreach (var record in _accounts.ListActiveAsync(entity, cancellationToken))
        {
            if (!presentCustomerIds.Contains(record.CustomerId) && record.ActiveCaseId is not null)
            {
                absent.Add(record);
            }
        }

        var settled = 0;
        foreach (var record in absent)
        {
            // A case whose first save has not happened yet has no contact details to address a receipt with: the next snapshot settles it.
            if (await _projections.GetAsync(record.ActiveCaseId!, cancellationToken) is not { Contact: { } contact } state)
            {
                continue;
            }

            await ApplySnapshotAsync(new CustomerAccount(state.Account, state.CustomerName, contact, []), source, cancellationToken);
            settled++;
        }

        return settled;
    }

    private async Task<(SnapshotOutcome Outcome, AccountRecord Record)> DecideAsync(CustomerAccount account, AccountRecord record, SnapshotSource source, CancellationToken cancellationToken)
    {
        if (string.Equals(record.LastSha256, source.Sha256, StringComparison.Ordinal))
        {
            return (SnapshotOutcome.AlreadyApplied, record);
        }

        if (record.LastAsOf is { } last && source.AsOf < last)
        {
            LogStale(account.Key.ToString(), source.AsOf, last);
            return (SnapshotOutcome.Stale, record);
        }

        var evt = new SnapshotApplied(source.AsOf, account.CustomerName, account.Contact, account.Items, source.FileName, source.Sha256) { Actor = "ledger" };
        var now = Later(_time.GetUtcNow(), source.EffectiveAt);
        var outcome = SnapshotOutcome.NothingOwed;
        var active = record.ActiveCaseId;
        if (active is not null)
        {
            var instance = await _client.GetInstanceAsync(active, cancellationToken);
            var delivery = instance is { IsCompleted: false } ? await SignalRunningAsync(active, evt, now, cancellationToken) : Delivery.NotTaken;
            outcome = delivery switch
            {
                Delivery.Resolves => SnapshotOutcome.Resolved,
                Delivery.Applies => SnapshotOutcome.Applied,
                _ => outcome,
            };
            active = delivery == Delivery.Applies ? active : null;
            if (delivery == Delivery.NotTaken)
            {
                // The case may have been written off after ingest read the write-off register (its save records the
                // items before the case closes): its write-off is read again so the next episode never duns them.
                account = await WithoutEndedCaseWriteOffAsync(account, record.ActiveCaseId!, cancellationToken);
                evt = evt with { Items = account.Items };
            }
        }

        var episode = record.Episode;
        var balance = AccountBalance.Compute(account.Items, source.AsOf);
        if (active is null && (balance.HasDebt || balance.HasOverdue))
        {
            (episode, active) = await OpenAsync(account, episode, evt, now, cancellationToken);
            if (episode > record.Episode && outcome != SnapshotOutcome.Resolved)
            {
                outcome = SnapshotOutcome.Opened;
            }
        }

        return (outcome, record with { ActiveCaseId = active, Episode = episode, LastSha256 = source.Sha256, LastAsOf = source.AsOf });
    }

    /// <summary>
    /// Raises the snapshot on a running case (unless its projection shows it applied already) and says whether the
    /// case takes it and will resolve with it, as the domain decides on the projected state: then a remaining debt
    /// opens the next episode at once. A projection behind queued signals can mispredict; the next snapshot then
    /// corrects the index. A case that will not take the snapshot hands it to the next episode: one whose projection
    /// is closed (it refuses snapshots), or whose instance completed between the status check and the raise (the
    /// framework drops events raised on a completed instance), which the status read after the raise shows.
    /// </summary>
    private async Task<Delivery> SignalRunningAsync(string caseId, SnapshotApplied evt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var projected = await _projections.GetAsync(caseId, cancellationToken);
        if (Applied(projected, evt) is { } applied)
        {
            return applied;
        }

        if (projected is { IsClosed: true })
        {
            return Delivery.NotTaken;
        }

        await _client.RaiseEventAsync(caseId, CaseTasks.SignalEvent, CaseSignal.From(evt), cancellationToken);
        LogSignalled(caseId);
        if (await _client.GetInstanceAsync(caseId, cancellationToken) is not { IsCompleted: false })
        {
            // Completed around the raise: the event is dropped, unless the case applied it before it completed.
            var after = await _projections.GetAsync(caseId, cancellationToken);
            var taken = Applied(after, evt) ?? Delivery.NotTaken;
            if (taken == Delivery.NotTaken)
            {
                LogDropped(caseId);
            }

            return taken;
        }

        if (projected is null)
        {
            return Delivery.Applies;
        }

        var transition = CaseMachine.Apply(projected, evt, now, _policies.Current);
        return transition.Accepted && transition.State.IsClosed ? Delivery.Resolves : Delivery.Applies;
    }

    private static Delivery? Applied(CaseState? projected, SnapshotApplied evt) =>
        projected is not null && string.Equals(projected.LastSnapshotSha256, evt.Sha256, StringComparison.Ordinal)
            ? projected.IsClosed ? Delivery.Resolves : Delivery.Applies
            : null;

    /// <summary>
    /// Starts the next episode's instance. The opening is checked with the domain first (an unknown time zone opens
    /// nothing and counts no episode); an instance that exists already (a crash after starting it, before the
    /// account was saved) is adopted while it runs.
    /// </summary>
    private async Task<(int Episode, string? Active)> OpenAsync(CustomerAccount account, int episode, SnapshotApplied evt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseId = CaseIds.For(account.Key, episode + 1);
        if (!CaseMachine.Apply(CaseState.New(caseId, account.Key, now), evt, now, _policies.Current).Accepted)
        {
            return (episode, null);
        }

        var existing = await _client.GetInstanceAsync(caseId, cancellationToken);
        if (existing is not null)
        {
            return (episode + 1, existing.IsCompleted ? null : caseId);
        }

        var input = new CaseInput(caseId, _policies.CurrentVersion) { Entity = account.Key.Entity, CustomerId = account.Key.CustomerId, Opening = CaseSignal.From(evt) };
        await _client.ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(caseId), cancellationToken);
        LogCaseOpened(caseId, episode + 1);
        return (episode + 1, caseId);
    }

    /// <summary>
    /// The account without what <paramref name="caseId"/> wrote off, unless the caller took it out already: an item
    /// is taken out only where the account still lists at least the written-off amount (ingest's own filter leaves
    /// only an increase beyond it). An increase of at least the written-off amount itself, raced with that write-off,
    /// is under-dunned by it until the next snapshot, which ingest then filters once from the register.
    /// </summary>
    private async Task<CustomerAccount> WithoutEndedCaseWriteOffAsync(CustomerAccount account, string caseId, CancellationToken cancellationToken)
    {
        var listed = account.Items.ToLookup(i => (i.InvoiceId, i.Currency));
        var items = new List<WrittenOffItem>();
        await foreach (var item in _writeOffs.ListAsync(account.Key.Entity, cancellationToken))
        {
            if (item.Account == account.Key && string.Equals(item.CaseId, caseId, StringComparison.Ordinal)
                && listed[(item.InvoiceId, item.Currency)].Sum(i => i.OpenAmount) >= item.OpenAmount)
            {
                items.Add(item);
            }
        }

        return items.Count == 0 ? account : WriteOffFilter.Apply(account, items).Account;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Started case {CaseId} (episode {Episode})")]
    private partial void LogCaseOpened(string caseId, int episode);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Signalled a snapshot to case {CaseId}")]
    private partial void LogSignalled(string caseId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Snapshot as of {AsOf} for account {Account} not signalled: {Applied} is applied already")]
    private partial void LogStale(string account, DateOnly asOf, DateOnly applied);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Information, Message = "Case {CaseId} completed as its snapshot was raised; the next episode takes the snapshot")]
    private partial void LogDropped(string caseId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Account {Account} changed concurrently (attempt {Attempt}); deciding again")]
    private partial void LogConflict(string account, int attempt);

    /// <summary>What a running case does with a raised snapshot.</summary>
    private enum Delivery
    {
        /// <summary>The case applies it and goes on.</summary>
        Applies,

        /// <summary>The case applies it and resolves: remaining debt opens the next episode.</summary>
        Resolves,

        /// <summary>The case will not apply it (closed, or completed before it arrived): the next episode takes it.</summary>
        NotTaken,
    }
}
