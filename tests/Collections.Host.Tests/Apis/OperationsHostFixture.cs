using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Monetary;
using Collections.Host.Hosting;
using Collections.Domain.Policy;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Ingest.Apply;
using Collections.Pipeline.Projections;
using Collections.Pipeline.Clock;
using Collections.Pipeline.LedgerFiles;
using Collections.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Collections.Host.Tests.Apis.TestData;
using Collections.Operations.Hosting;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Starts Azurite and the host on Kestrel (a real port, so the browser tests can use it too), then seeds data
/// into the case projection with the state machine at a manual clock (<see cref="ProjectionSeeder"/>): the KPI scenario of October 2026 (entity <c>kpi</c>, see KpiApiTests for the hand
/// computation), then the operations data as of 2026-11-20 (entity <c>ops</c>) and two ledger files.
/// </summary>
public sealed class OperationsHostFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = T("2026-11-20T02:00:00Z");

    private readonly AzuriteFixture _azurite = new();
    private OperationsFactory? _factory;

    internal ManualTimeProvider Clock { get; } = new(T("2026-10-01T00:00:00Z"));

    internal OperationsFactory Factory => _factory ?? throw new InvalidOperationException("not started");

    public IServiceProvider Services => Factory.Services;

    /// <summary>The test Azurite, for a second host over the same data (e.g. in another environment).</summary>
    internal string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>Seeds cases into the projection at the fixture's clock (no orchestration instance behind them).</summary>
    internal ProjectionSeeder Seeder => new(Services.GetRequiredService<ICaseProjectionStore>(), Services.GetRequiredService<IAccountStore>(), Services.GetRequiredService<DunningPolicy>(), Clock);

    /// <summary>The cases' read side.</summary>
    internal ICaseProjectionStore Store => Services.GetRequiredService<ICaseProjectionStore>();

    /// <summary>The Kestrel address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public string RejectedFileId { get; } = LedgerFileIds.For("bad_2026-11-19.csv", T("2026-11-19T08:00:00Z"));

    public string AppliedFileId { get; } = LedgerFileIds.For("ops_2026-11-20.csv", T("2026-11-20T01:00:00Z"));

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _factory = new OperationsFactory(_azurite.ConnectionString, Clock);
        _factory.UseKestrel(0);
        _factory.StartServer();
        using (var probe = _factory.CreateClient())
        {
            BaseAddress = probe.BaseAddress!;
        }

        await SeedKpiScenarioAsync();
        Clock.MoveTo(Now);
        await SeedOperationsAsync();
        await SeedLedgerFilesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>A client with no key.</summary>
    public HttpClient Anonymous()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        return client;
    }

    public HttpClient Reader() => WithKey(OperationsFactory.ReaderKey);

    public HttpClient Operator() => WithKey(OperationsFactory.OperatorKey);

    public HttpClient WithKey(string key)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>
    /// Opens a case for a new account of entity <c>act</c> (as of 2026-11-20) through ingest's signals: a real
    /// orchestration instance on the local Durable runtime (wall clock). Returns its id once its projection is written.
    /// </summary>
    public async Task<string> OpenCaseAsync(string customerId, params LedgerItem[] items)
    {
        var account = Account("act", customerId, "Action Test " + customerId, CreditGrade.B, items.Length > 0 ? items : [Inv(customerId + "-1", "2026-10-20", 800m)]);
        await Services.GetRequiredService<ICaseSignals>().ApplySnapshotAsync(account, new SnapshotSource(D("2026-11-20"), "act_2026-11-20.csv", "sha-act-" + customerId), CancellationToken.None);
        var id = await CaseIdAsync("act", customerId);
        await UntilAsync(async () => await Store.GetAsync(id, CancellationToken.None) is not null, "case " + id + " projected");
        return id;
    }

    /// <summary>The same account shape, seeded into the projection only (no instance) at the fixture's clock.</summary>
    public async Task<string> SeedCaseAsync(string customerId, params LedgerItem[] items)
    {
        var account = Account("act", customerId, "Action Test " + customerId, CreditGrade.B, items.Length > 0 ? items : [Inv(customerId + "-1", "2026-10-20", 800m)]);
        await Seeder.ApplySnapshotAsync(account, new SnapshotSource(D("2026-11-20"), "act_2026-11-20.csv", "sha-act-" + customerId), CancellationToken.None);
        return await CaseIdAsync("act", customerId);
    }

    /// <summary>Polls until the orchestration got there (a generous deadline only bounds a failure).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + DurableWait.Deadline;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "not in time: " + what);
            await Task.Delay(200);
        }
    }

    public async Task<string> CaseIdAsync(string entity, string customerId)
    {
        var record = await Services.GetRequiredService<IAccountStore>().GetAsync(entity, customerId, CancellationToken.None);
        return record?.ActiveCaseId ?? Pipeline.Cases.CaseIds.For(new AccountKey(entity, customerId), Math.Max(1, record?.Episode ?? 1));
    }

    private async Task SeedKpiScenarioAsync()
    {
        var ct = CancellationToken.None;
        var a = new SnapshotSource(D("2026-10-01"), "kpi_2026-10-01.csv", "sha-kpi-a");
        await Seeder.ApplySnapshotAsync(Account("kpi", "K1", "Kilo One", CreditGrade.B, Inv("K1-A", "2026-09-01", 1000m)), a, ct);
        await Seeder.ApplySnapshotAsync(Account("kpi", "K2", "Kilo Two", CreditGrade.B, Inv("K2-A", "2026-07-01", 400m)), a, ct);
        await Seeder.ApplySnapshotAsync(Account("kpi", "K3", "Kilo Three", CreditGrade.B, Inv("K3-A", "2026-09-20", 300m)), a, ct);

        // A case closed long ago, for the purge test.
        await Seeder.ApplySnapshotAsync(Account("purge", "P-OLD", "Old Closed", CreditGrade.B, Inv("P-OLD-1", "2026-09-01", 50m)), a, ct);
        Clock.MoveTo(T("2026-10-01T10:00:00Z"));
        var terminated = await Seeder.RaiseAsync(await CaseIdAsync("purge", "P-OLD"), new TerminateRequested("duplicate account") { Actor = "operator:seed" }, ct);
        Assert.True(terminated.Accepted, terminated.Rejection);
        var promise = await Seeder.RaiseAsync(await CaseIdAsync("kpi", "K2"), new PromiseMade(D("2026-10-10"), new Money(400m, Eur)) { Actor = "operator:seed" }, ct);
        Assert.True(promise.Accepted, promise.Rejection);

        Clock.MoveTo(T("2026-10-31T00:00:00Z"));
        var b = new SnapshotSource(D("2026-10-31"), "kpi_2026-10-31.csv", "sha-kpi-b");
        var k3 = await CaseIdAsync("kpi", "K3");
        await Seeder.ApplySnapshotAsync(Account("kpi", "K1", "Kilo One", CreditGrade.B, Inv("K1-A", "2026-09-01", 250m, amount: 1000m), Inv("K1-B", "2026-11-14", 600m, issued: "2026-10-15")), b, ct);
        await Seeder.ApplySnapshotAsync(Account("kpi", "K2", "Kilo Two", CreditGrade.B, Inv("K2-A", "2026-07-01", 400m)), b, ct);
        await Seeder.ApplySnapshotAsync(Account("kpi", "K3", "Kilo Three", CreditGrade.B), b, ct);
        Assert.Equal("Resolved", (await Store.GetAsync(k3, ct))!.Stage.ToString());

        Clock.MoveTo(T("2026-10-31T12:00:00Z"));
        var writeOff = await Seeder.RaiseAsync(await CaseIdAsync("kpi", "K2"), new WriteOffRequested("insolvent") { Actor = "operator:seed" }, ct);
        Assert.True(writeOff.Accepted, writeOff.Rejection);

        // Snapshot summaries as ingest writes them for the two files (the engine does not write them).
        var summaries = Services.GetRequiredService<ISnapshotSummaryStore>();
        await summaries.SaveAsync(new SnapshotSummary("kpi", D("2026-10-01"), "file-kpi-a", [Totals(1700m, 0m, 1700m, 0m)]), ct);
        await summaries.SaveAsync(new SnapshotSummary("kpi", D("2026-10-31"), "file-kpi-b", [Totals(1250m, 600m, 650m, 600m)]), ct);
    }

    private async Task SeedOperationsAsync()
    {
        var source = new SnapshotSource(D("2026-11-20"), "ops_2026-11-20.csv", "sha-ops-1");
        List<CustomerAccount> accounts =
        [
            Account("ops", "O-ACME", "Acme Trading", CreditGrade.B, Inv("INV-A1", "2026-10-01", 1000m, row: 2)),
            Account("ops", "O-BETA", "Beta Foods", CreditGrade.A, Inv("INV-B1", "2026-11-10", 500m, Usd, row: 3)),
            Account("ops", "O-GAMMA", "Gamma 贸易 <b>Ltd</b>", CreditGrade.C, Inv("INV-G1", "2026-11-25", 200m, row: 4)),
        ];
        for (var i = 1; i <= 5; i++)
        {
            accounts.Add(Account("ops", $"O-P0{i}", $"Paging Co {i}", CreditGrade.D, Inv($"INV-P{i}", "2026-11-01", 100m * i, row: 4 + i)));
        }

        foreach (var account in accounts)
        {
            await Seeder.ApplySnapshotAsync(account, source, CancellationToken.None);
        }
    }

    private async Task SeedLedgerFilesAsync()
    {
        var ct = CancellationToken.None;
        var files = Services.GetRequiredService<ILedgerFileStore>();
        await files.SaveAsync(new LedgerFileRecord(AppliedFileId, "ops_2026-11-20.csv", T("2026-11-20T01:00:00Z"))
        {
            Status = LedgerFileStatus.Applied, Entity = "ops", AsOf = D("2026-11-20"), Sha256 = "sha-ops-1", RowsValidated = 8, RowsTotal = 8,
            AccountsApplied = 8, AccountsTotal = 8, Message = "applied 8 rows to 8 accounts", CompletedAt = T("2026-11-20T01:00:05Z"),
        }, ct);
        await files.SaveAsync(new LedgerFileRecord(RejectedFileId, "bad_2026-11-19.csv", T("2026-11-19T08:00:00Z"))
        {
            Status = LedgerFileStatus.Rejected, Entity = "ops", RowsValidated = 3, RowsTotal = 3, ErrorCount = 2, Message = "rejected: 2 errors",
            ReportBlob = StorageNames.RejectedContainer + "/bad_2026-11-19.csv.errors.json", CompletedAt = T("2026-11-19T08:00:01Z"),
        }, ct);
        var report = """
            {"file":"bad_2026-11-19.csv","errors":[
              {"row":3,"column":"due_date","value":"2026-13-01","reason":"not a date (yyyy-MM-dd)"},
              {"row":4,"column":"currency","value":"<script>alert(1)</script>","reason":"unknown currency"}]}
            """;
        await Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.RejectedContainer)
            .GetBlobClient("bad_2026-11-19.csv.errors.json").UploadAsync(BinaryData.FromString(report), cancellationToken: ct);
    }

    private static CurrencyTotals Totals(decimal receivables, decimal current, decimal overdue, decimal creditSales) =>
        new("EUR", receivables, current, overdue, 0m, creditSales, new Dictionary<string, decimal>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));
}
