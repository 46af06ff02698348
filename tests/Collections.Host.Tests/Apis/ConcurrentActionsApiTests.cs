using System.Net;
using Collections.Domain.Cases;
using Collections.Pipeline.Cases;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Bursts of concurrent actions through the real host on Kestrel: identical ones record one change and one notice
/// (outbox row = e-mail), different ones are applied or answered 409, never 500.
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class ConcurrentActionsApiTests(OperationsHostFixture host, ITestOutputHelper output)
{
    private const int Burst = 50;

    private ICaseStore Store => host.Services.GetRequiredService<ICaseStore>();

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

    [Fact]
    public async Task Promise_50IdenticalAtOnce_AllAcknowledged_OneEntryAndOneConfirmation()
    {
        var id = await host.OpenCaseAsync("BURST-PROM");

        var answers = await BurstAsync(id, "promise", _ => new { promisedDate = "2026-11-27", amount = 300m, currency = "EUR" }, Burst);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(answers, a => a.Body.Contains("\"changed\":true", StringComparison.Ordinal));
        Assert.Equal(Burst - 1, answers.Count(a => a.Body.Contains("the same promise is already recorded", StringComparison.Ordinal)));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Type == TimelineType.PromiseRecorded);
        Assert.Single(await Store.GetOutboxAsync(id, CancellationToken.None), o => o.Kind == NoticeKind.PromiseConfirmation);
        output.WriteLine($"{Burst} identical promises at once: {answers.Count(a => a.Status == HttpStatusCode.OK)} × 200, 1 PromiseRecorded entry, 1 confirmation in the outbox");
    }

    [Fact]
    public async Task Dispute_50IdenticalAtOnce_OneEntryAndOneAcknowledgement()
    {
        var id = await host.OpenCaseAsync("BURST-DISP");

        var answers = await BurstAsync(id, "dispute", _ => new { invoiceIds = new[] { "BURST-DISP-1" }, reason = "goods damaged" }, Burst);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Type == TimelineType.Disputed);
        Assert.Single(await Store.GetOutboxAsync(id, CancellationToken.None), o => o.Kind == NoticeKind.DisputeAcknowledgement);
    }

    [Fact]
    public async Task Pause_50IdenticalAtOnce_OnePauseRecorded()
    {
        var id = await host.OpenCaseAsync("BURST-PAUSE");

        var answers = await BurstAsync(id, "pause", _ => new { reason = "talking to their CFO" }, Burst);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status}: {a.Body}"));
        Assert.Single(await Store.GetTimelineAsync(id, CancellationToken.None), e => e.Type == TimelineType.Paused);
    }

    [Fact]
    public async Task Promise_20DifferentAtOnce_EachAppliedOrConflict_NeverServerError()
    {
        var id = await host.OpenCaseAsync("BURST-MIX");

        var answers = await BurstAsync(id, "promise", i => new { promisedDate = "2026-11-27", amount = 10m + i, currency = "EUR" }, 20);

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.Status}: {a.Body}"));
        var applied = answers.Count(a => a.Status == HttpStatusCode.OK);
        output.WriteLine($"20 different promises at once: {applied} applied (200), {answers.Count - applied} answered 409, 0 server errors");
        Assert.True(applied >= 1);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.Conflict), a => Assert.Contains("concurrent actions", a.Body, StringComparison.Ordinal));
        var entries = (await Store.GetTimelineAsync(id, CancellationToken.None)).Count(e => e.Type == TimelineType.PromiseRecorded);
        Assert.Equal(applied, entries);
        Assert.Equal(entries, (await Store.GetOutboxAsync(id, CancellationToken.None)).Count(o => o.Kind == NoticeKind.PromiseConfirmation));
    }
}
