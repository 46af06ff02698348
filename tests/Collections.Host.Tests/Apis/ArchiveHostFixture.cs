using System.Collections.Immutable;
using System.Globalization;
using Azure.Data.Tables;
using Collections.Domain.Cases;
using Collections.Domain.Ledger;
using Collections.Operations.Apis;
using Collections.Operations.Apis.Models;
using Collections.Operations.Apis.Requests;
using Collections.Pipeline.Archive;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Clock;
using Collections.Pipeline.Projections;
using Collections.TestSupport;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Its own Azurite and host at 2026-11-20 (default retention: seven years, so the cutoff is 2019-11-20), seeded
/// with entity <c>arc</c>: <see cref="OldCaseId"/> written off on 2018-03-10 (EUR 1500 overdue) and
/// <see cref="YoungCaseId"/> written off on 2024-05-01. Each case is in the engine's store (which the API reads
/// today) and in the case projection (which the archiver reads). It records the 2018 KPIs, then purges through
/// <see cref="ArchiveApi.Purge"/>, removing both stores' rows.
/// </summary>
public sealed class ArchiveHostFixture : IAsyncLifetime
{
    public const string OldCaseId = "arc-old";
    public const string YoungCaseId = "arc-young";
    public const string KpiPath = "/api/kpis?entity=arc&from=2018-01-01&to=2018-12-31";

    private readonly AzuriteFixture _azurite = new();
    private OperationsFactory? _factory;

    internal ManualTimeProvider Clock { get; } = new(T("2026-11-20T02:00:00Z"));

    internal OperationsFactory Factory => _factory ?? throw new InvalidOperationException("not started");

    public string KpisBefore { get; private set; } = "";

    internal ArchiveRunDto? Run { get; private set; }

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var projections = new TableClient(_azurite.ConnectionString, "ArchiveTestProjections");
        await projections.CreateIfNotExistsAsync();

        // The API reads the engine's store today; the Durable host registers its own projection store (kept if present).
        _factory = new OperationsFactory(_azurite.ConnectionString, Clock, configureServices: s => s.TryAddSingleton<ICaseProjectionStore>(new TableCaseProjectionStore(projections)));
        using (var reader = Reader())
        {
            await SeedAsync();
            KpisBefore = (await reader.GetJsonAsync(KpiPath)).ToJsonString();
        }

        var services = Factory.Services;
        var engineStore = services.GetRequiredService<ICaseStore>();
        var projection = services.GetRequiredService<ICaseProjectionStore>();
        var result = await ArchiveApi.Purge(new PurgeRequest(null), services.GetRequiredService<CaseArchiver>(), async (id, ct) =>
        {
            await engineStore.DeleteAsync(id, ct);
            await projection.DeleteAsync(id, ct);
        }, CancellationToken.None);
        Run = Assert.IsType<Ok<ArchiveRunDto>>(result.Result).Value;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    public HttpClient Reader() => WithKey(OperationsFactory.ReaderKey);

    public HttpClient WithKey(string? key)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        return client;
    }

    private async Task SeedAsync()
    {
        var ct = CancellationToken.None;
        var engineStore = Factory.Services.GetRequiredService<ICaseStore>();
        var projection = Factory.Services.GetRequiredService<ICaseProjectionStore>();
        foreach (var (state, timeline) in new[] { WrittenOff(OldCaseId, "A-OLD", "2017-12-01", "2018-03-10"), WrittenOff(YoungCaseId, "A-YOUNG", "2024-01-01", "2024-05-01") })
        {
            await engineStore.CommitAsync(new CaseCommit(state, null, timeline, []), ct);
            await projection.SaveAsync(state, 0, timeline, [], ct);
        }
    }

    private static (CaseState State, IReadOnlyList<TimelineEntry> Timeline) WrittenOff(string caseId, string customerId, string due, string writtenOff)
    {
        var dueDate = D(due);
        var opened = T(due + "T00:00:00Z").AddDays(1);
        var closed = T(writtenOff + "T10:00:00Z");
        var state = CaseState.New(caseId, new AccountKey("arc", customerId), opened) with
        {
            CustomerName = "Archive Test " + customerId,
            Contact = new ContactDetails("ap@example.com", [], null, NoticeLanguage.English, "Europe/London", "GB", CreditGrade.B),
            Items = [new LedgerItem(customerId + "-1", dueDate.AddDays(-30), dueDate, Eur, 1500m, 1500m)],
            AsOf = DateOnly.FromDateTime(closed.UtcDateTime),
            Stage = CaseStage.WrittenOff,
            StepsTaken = ImmutableDictionary<CaseStage, DateTimeOffset>.Empty.Add(CaseStage.Reminder, opened.AddDays(1)),
            WasOverdue = true,
            Version = 3,
            LastUpdatedAt = closed,
            ClosedAt = closed,
            CloseReason = "insolvent",
        };
        IReadOnlyList<TimelineEntry> timeline =
        [
            new(opened, TimelineType.ItemAdded, Data: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["invoiceId"] = customerId + "-1", ["currency"] = "EUR", ["open"] = "1500.00", ["dueDate"] = due,
            }),
            new(opened.AddDays(1), TimelineType.NoticeSent, CaseStage.Reminder, NoticeKind.Reminder),
            new(closed, TimelineType.WrittenOff, CaseStage.WrittenOff, Reason: "insolvent", Actor: "operator:test",
                Data: new Dictionary<string, string>(StringComparer.Ordinal) { ["open.EUR"] = "1500.00", ["overdue.EUR"] = "1500.00" }),
        ];
        return (state, timeline);
    }

    internal static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
