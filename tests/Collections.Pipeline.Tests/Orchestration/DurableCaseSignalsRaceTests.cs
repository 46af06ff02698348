using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Policy;
using Collections.Domain.WriteOffs;
using Collections.Pipeline.Cases;
using Collections.Pipeline.InMemory;
using Collections.Pipeline.Orchestration;
using Collections.Pipeline.Projections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static Collections.Pipeline.Tests.Cases.EngineTestData;

namespace Collections.Pipeline.Tests.Orchestration;

/// <summary>
/// Races between ingest's signals and a case that ends meanwhile, with a client whose instance completes when the test
/// says: a snapshot raised on an instance that just completed, and a write-off that completed after ingest read the register.
/// </summary>
public sealed class DurableCaseSignalsRaceTests
{
    private static readonly DateTimeOffset Now = T("2026-06-20T10:00:00Z");
    private static readonly Domain.Ledger.AccountKey Key = new("default", "K-RACE");
    private static readonly string First = CaseIds.For(Key, 1);
    private static readonly string Second = CaseIds.For(Key, 2);

    private readonly InMemoryAccountStore _accounts = new();
    private readonly InMemoryCaseProjectionStore _projections = new();
    private readonly InMemoryWriteOffRegister _writeOffs = new();
    private readonly List<CaseInput> _started = [];
    private readonly Mock<DurableTaskClient> _client = new("test-hub");
    private OrchestrationRuntimeStatus _firstStatus = OrchestrationRuntimeStatus.Running;

    public DurableCaseSignalsRaceTests()
    {
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns((string id, CancellationToken _) => Instance(id));
        _client.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).Returns((string id, bool _, CancellationToken _) => Instance(id));
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((TaskName _, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                _started.Add((CaseInput)input!);
                return Task.FromResult(options!.InstanceId!);
            });
    }

    [Fact]
    public async Task ApplySnapshotAsync_InstanceCompletesBetweenCheckAndRaise_NextEpisodeTakesTheSnapshot()
    {
        await OpenFirstCaseAsync();
        _client.Setup(c => c.RaiseEventAsync(First, CaseTasks.SignalEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback(() => _firstStatus = OrchestrationRuntimeStatus.Completed)
            .Returns(Task.CompletedTask);

        var outcome = await Signals().ApplySnapshotAsync(Account("K-RACE", items: [Inv("INV-1", "2026-06-01", 500m), Inv("INV-2", "2026-06-10", 70m)]), Source("2026-06-20"), CancellationToken.None);

        Assert.Equal(SnapshotOutcome.Opened, outcome);
        var started = Assert.Single(_started);
        Assert.Equal(Second, started.CaseId);
        Assert.Equal(["INV-1", "INV-2"], ((SnapshotApplied)started.Opening!.ToEvent()!).Items.Select(i => i.InvoiceId));
        Assert.Equal((Second, 2), await ActiveAsync());
    }

    [Fact]
    public async Task ApplySnapshotAsync_WriteOffCompletedAfterTheRegisterWasRead_ItemsNotDunnedAgain()
    {
        await OpenFirstCaseAsync();
        await WriteOffFirstCaseAsync();

        // Ingest read the register before the write-off: the account still lists INV-1 as it was written off.
        var outcome = await Signals().ApplySnapshotAsync(Account("K-RACE", items: Inv("INV-1", "2026-06-01", 500m)), Source("2026-06-20"), CancellationToken.None);

        Assert.Equal(SnapshotOutcome.NothingOwed, outcome);
        Assert.Empty(_started);
        Assert.Equal((null, 1), await ActiveAsync());
    }

    [Fact]
    public async Task ApplySnapshotAsync_WriteOffCompletedMeanwhileAndNewDebt_NextEpisodeDunsOnlyTheNewItem()
    {
        await OpenFirstCaseAsync();
        await WriteOffFirstCaseAsync();

        var outcome = await Signals().ApplySnapshotAsync(Account("K-RACE", items: [Inv("INV-1", "2026-06-01", 500m), Inv("INV-3", "2026-06-15", 40m)]), Source("2026-06-20"), CancellationToken.None);

        Assert.Equal(SnapshotOutcome.Opened, outcome);
        var opening = (SnapshotApplied)Assert.Single(_started).Opening!.ToEvent()!;
        Assert.Equal(["INV-3"], opening.Items.Select(i => i.InvoiceId));
    }

    [Fact]
    public async Task SignalSnapshotAsync_WriteOffSeenByIngestAndAnIncrease_NextEpisodeDunsTheIncreaseOnce()
    {
        await OpenFirstCaseAsync();
        await WriteOffFirstCaseAsync();
        var record = (await _accounts.GetAsync(Key.Entity, Key.CustomerId, CancellationToken.None))!;

        // Ingest read the register after the write-off: INV-1 grew from 500 to 650 and it passes on the 150 beyond.
        await Signals().SignalSnapshotAsync(Account("K-RACE", items: Inv("INV-1", "2026-06-01", 150m)), record, Source("2026-06-20"), CancellationToken.None);

        var opening = (SnapshotApplied)Assert.Single(_started).Opening!.ToEvent()!;
        Assert.Equal([("INV-1", 150m)], opening.Items.Select(i => (i.InvoiceId, i.OpenAmount)));
    }

    [Fact]
    public async Task ApplySnapshotAsync_ProjectionClosedInstanceStillRunning_NotRaisedNextEpisodeOpens()
    {
        await OpenFirstCaseAsync();
        var state = (await _projections.GetAsync(First, CancellationToken.None))!;
        await _projections.SaveAsync(CaseMachine.Apply(state, new TerminateRequested("test") { Actor = "op" }, Now, DunningPolicy.Default).State, 1, [], [], CancellationToken.None);

        var outcome = await Signals().ApplySnapshotAsync(Account("K-RACE", items: Inv("INV-1", "2026-06-01", 500m)), Source("2026-06-20"), CancellationToken.None);

        Assert.Equal(SnapshotOutcome.Opened, outcome);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal((Second, 2), await ActiveAsync());
    }

    private DurableCaseSignals Signals() =>
        new(_client.Object, _accounts, _writeOffs, _projections, new PolicyCatalog(DunningPolicy.Default), new FixedTime(Now), NullLogger<DurableCaseSignals>.Instance);

    private Task<OrchestrationMetadata?> Instance(string id) =>
        Task.FromResult(id == First ? new OrchestrationMetadata(CaseTasks.Orchestrator, id) { RuntimeStatus = _firstStatus } : null);

    /// <summary>The first episode opened from an older snapshot, its projection saved and its account indexed.</summary>
    private async Task OpenFirstCaseAsync()
    {
        var account = Account("K-RACE", items: Inv("INV-1", "2026-06-01", 500m));
        var opening = new SnapshotApplied(D("2026-06-15"), account.CustomerName, account.Contact, account.Items, "ledger_2026-06-15.csv", "sha-2026-06-15") { Actor = "ledger" };
        var opened = CaseMachine.Apply(CaseState.New(First, Key, Now.AddDays(-5)), opening, Now.AddDays(-5), DunningPolicy.Default);
        await _projections.SaveAsync(opened.State, 0, [.. opened.Timeline], [], CancellationToken.None);
        await _accounts.SaveAsync(new AccountRecord(Key.Entity, Key.CustomerId) { ActiveCaseId = First, Episode = 1, LastSha256 = "sha-2026-06-15", LastAsOf = D("2026-06-15") }, CancellationToken.None);
    }

    /// <summary>The first case written off as its SaveCase records it (register first), and its instance completed.</summary>
    private async Task WriteOffFirstCaseAsync()
    {
        var state = (await _projections.GetAsync(First, CancellationToken.None))!;
        var writtenOff = CaseMachine.Apply(state, new WriteOffRequested("insolvent") { Actor = "op" }, Now, DunningPolicy.Default).State;
        await _writeOffs.RecordAsync(WrittenOffItem.From(writtenOff), CancellationToken.None);
        await _projections.SaveAsync(writtenOff, 2, [], [], CancellationToken.None);
        _firstStatus = OrchestrationRuntimeStatus.Completed;
    }

    private async Task<(string? Active, int Episode)> ActiveAsync()
    {
        var record = (await _accounts.GetAsync(Key.Entity, Key.CustomerId, CancellationToken.None))!;
        return (record.ActiveCaseId, record.Episode);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
