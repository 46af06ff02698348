using System.Net;
using Collections.Domain.Cases;
using Collections.Pipeline.Projections;
using Xunit.Abstractions;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Bursts of concurrent actions through the real host on Kestrel and the local Durable runtime: identical ones record
/// one change and one notice (outbox row = e-mail), different ones are applied or refused, never 500.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class ConcurrentActionsApiTests(OperationsHostFixture host, ITestOutputHelper output)
{
    private const int Burst = 50;

    private ICaseProjectionStore Store => host.Store;

    private async Task<List<(HttpStatusCode Status, string Body)>> BurstAsync(string caseId, string action, Func<int, object> body, int count)
    {
        using var op = host.Operator();
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await op.PostJsonAsync($"/api/cases/{caseId}/raiseEvent/{action}", body(i));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(count);
        return [.. await Task.WhenAll(requests)];
    }

    /// <summary>
    /// Waits until the instance has processed every signal raised so far: signals queue in order on the one event
    /// name, so once a marker raised last (do-not-contact on) is on the timeline, the burst before it is applied.
    /// </summary>
    private async Task SettledAsync(string caseId)
    {
        using var op = host.Operator();
        using var marker = await op.PostJsonAsync($"/api/cases/{caseId}/raiseEvent/doNotContact", new { on = true, reason = "marker" });
        Assert.Equal(HttpStatusCode.OK, marker.StatusCode);
        await OperationsHostFixture.UntilAsync(async () => (await Store.GetTimelineAsync(caseId, CancellationToken.None)).Any(e => e.Type == TimelineType.DoNotContactOn), "the burst on " + caseId + " applied");
    }

    [Fact]
    public async Task Promise_50IdenticalAtOnce_AllAcknowledged_OneEntryAndOneConfirmation()
    {
        var id = await host.OpenCaseAsync("BURST-PROM");

        var answers = await BurstAsync(id, "promise", _ => new { promisedDate = Day(7), amount = 300m, currency = "EUR" }, Burst);
        await SettledAsync(id);

        // The API checks each against the projection and raises it; the orchestration applies the first and acknowledges the rest as no change.
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Type == TimelineType.PromiseRecorded);
        Assert.Single(await Store.GetOutboxAsync(id, CancellationToken.None), o => o.Kind == NoticeKind.PromiseConfirmation);
        output.WriteLine($"{Burst} identical promises at once: {answers.Count(a => a.Status == HttpStatusCode.OK)} × 200, 1 PromiseRecorded entry, 1 confirmation in the outbox");
    }

    [Fact]
    public async Task Dispute_50IdenticalAtOnce_OneEntryAndOneAcknowledgement()
    {
        var id = await host.OpenCaseAsync("BURST-DISP");

        var answers = await BurstAsync(id, "dispute", _ => new { invoiceIds = new[] { "BURST-DISP-1" }, reason = "goods damaged" }, Burst);
        await SettledAsync(id);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Type == TimelineType.Disputed);
        Assert.Single(await Store.GetOutboxAsync(id, CancellationToken.None), o => o.Kind == NoticeKind.DisputeAcknowledgement);
    }

    [Fact]
    public async Task Pause_50IdenticalAtOnce_OnePauseRecorded()
    {
        var id = await host.OpenCaseAsync("BURST-PAUSE");

        var answers = await BurstAsync(id, "pause", _ => new { reason = "talking to their CFO" }, Burst);
        await SettledAsync(id);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Type == TimelineType.Paused);
    }

    [Fact]
    public async Task Promise_20DifferentAtOnce_EachAppliedOrRefused_NeverServerError_OneConfirmationPerEntry()
    {
        var id = await host.OpenCaseAsync("BURST-MIX");

        var answers = await BurstAsync(id, "promise", i => new { promisedDate = Day(7), amount = 10m + i, currency = "EUR" }, 20);
        await SettledAsync(id);

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.Status}: {a.Body}"));
        var entries = (await Store.GetTimelineAsync(id, CancellationToken.None)).Count(e => e.Type == TimelineType.PromiseRecorded);
        output.WriteLine($"20 different promises at once: {answers.Count(a => a.Status == HttpStatusCode.OK)} raised (200), {entries} recorded by the orchestration, 0 server errors");
        Assert.True(entries >= 1);
        Assert.Equal(entries, (await Store.GetOutboxAsync(id, CancellationToken.None)).Count(o => o.Kind == NoticeKind.PromiseConfirmation));
    }
}
