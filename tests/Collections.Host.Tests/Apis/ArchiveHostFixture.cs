using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
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
/// <see cref="YoungCaseId"/> written off on 2024-05-01, and entity <c>arcpage</c>: <see cref="PageCaseIds"/>, written off
/// in 2017 (more archived cases than one small listing page holds), and entity <c>archold</c>: <see cref="HeldCaseId"/>,
/// put on credit hold by its escalation on 2018-01-20 and written off on 2018-03-01. Each case is in the case projection (which the API
/// and the archiver read). It records the 2018 KPIs and finance exports, then purges through
/// <see cref="ArchiveApi.Purge"/>, removing the live rows.
/// </summary>
public sealed class ArchiveHostFixture : IAsyncLifetime
{
    public const string OldCaseId = "arc-old";
    public const string YoungCaseId = "arc-young";
    public const string KpiPath = "/api/kpis?entity=arc&from=2018-01-01&to=2018-12-31";
    public const string WriteOffsPath = "/api/exports/write-offs?entity=arc&from=2018-01-01&to=2018-12-31";
    public const string HeldCaseId = "archold-1";
    public const string CreditHoldsPath = "/api/exports/credit-holds?entity=archold&from=2018-01-01&to=2018-12-31";

    public static readonly IReadOnlyList<string> PageCaseIds = ["arcpage-1", "arcpage-2", "arcpage-3", "arcpage-4", "arcpage-5"];

    private readonly AzuriteFixture _azurite = new();
    private OperationsFactory? _factory;

    internal ManualTimeProvider Clock { get; } = new(T("2026-11-20T02:00:00Z"));

    internal OperationsFactory Factory => _factory ?? throw new InvalidOperationException("not started");

    public string KpisBefore { get; private set; } = "";

    public string WriteOffsBefore { get; private set; } = "";

    public string WriteOffsCsvBefore { get; private set; } = "";

    public string CreditHoldsBefore { get; private set; } = "";

    internal ArchiveRunResult? Run { get; private set; }

    /// <summary>The purge's answer as sent.</summary>
    public string RunJson { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _factory = new OperationsFactory(_azurite.ConnectionString, Clock);
        using (var reader = Reader())
        {
            await SeedAsync();
            KpisBefore = (await reader.GetJsonAsync(KpiPath)).ToJsonString();
            WriteOffsBefore = (await reader.GetJsonAsync(WriteOffsPath)).ToJsonString();
            WriteOffsCsvBefore = await reader.GetStringAsync(new Uri(WriteOffsPath + "&format=csv", UriKind.Relative));
            CreditHoldsBefore = (await reader.GetJsonAsync(CreditHoldsPath)).ToJsonString();
        }

        // Through the operations API's purge, as an operator runs it: archive first, then the live rows go.
        using var operatorClient = WithKey(OperationsFactory.OperatorKey);
        using var response = await operatorClient.PostJsonAsync("/api/cases/purge", new { });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        RunJson = await response.Content.ReadAsStringAsync();
        Run = await response.Content.ReadFromJsonAsync<ArchiveRunResult>();
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
        var projection = Factory.Services.GetRequiredService<ICaseProjectionStore>();
        var cases = new[] { WrittenOff("arc", OldCaseId, "A-OLD", "2017-12-01", "2018-03-10"), WrittenOff("arc", YoungCaseId, "A-YOUNG", "2024-01-01", "2024-05-01") }
            .Concat(PageCaseIds.Select((id, i) => WrittenOff("arcpage", id, "P" + i.ToString(CultureInfo.InvariantCulture), "2016-12-01", "2017-03-1" + i.ToString(CultureInfo.InvariantCulture))))
            .Append(OnHold(WrittenOff("archold", HeldCaseId, "H1", "2017-11-01", "2018-03-01"), T("2018-01-20T09:00:00Z")));
        foreach (var (state, timeline) in cases)
        {
            await projection.SaveAsync(state, 0, timeline, [], ct);
        }
    }

    // The case escalated (which puts the account on credit hold) before it was written off.
    private static (CaseState State, IReadOnlyList<TimelineEntry> Timeline) OnHold((CaseState State, IReadOnlyList<TimelineEntry> Timeline) written, DateTimeOffset escalated) =>
        (written.State with { CreditHold = true },
         [.. written.Timeline.Take(written.Timeline.Count - 1), new(escalated, TimelineType.Escalated, CaseStage.Escalated, Actor: "system"), written.Timeline[^1]]);

    /// <summary>A case of <paramref name="entity"/> written off (EUR 1500 overdue, reason "insolvent") at 10:00 UTC on <paramref name="writtenOff"/>.</summary>
    internal static (CaseState State, IReadOnlyList<TimelineEntry> Timeline) WrittenOff(string entity, string caseId, string customerId, string due, string writtenOff)
    {
        var dueDate = D(due);
        var opened = T(due + "T00:00:00Z").AddDays(1);
        var closed = T(writtenOff + "T10:00:00Z");
        var state = CaseState.New(caseId, new AccountKey(entity, customerId), opened) with
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
