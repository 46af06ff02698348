using System.Net;
using Collections.Domain.Cases;
using Collections.Domain.Cases.Events;
using Collections.Domain.Ledger;
using Collections.Domain.Policy;
using Collections.Notices.Evidence;
using System.Text.Json;
using Collections.Pipeline.Cases;
using Collections.Pipeline.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using static Collections.Host.Tests.Apis.TestData;

namespace Collections.Host.Tests.Apis;

/// <summary>
/// Approve and reject on cases that really await approval, and the evidence link serving a written pack. The cases
/// are driven to "awaiting approval" with the pure state machine (the shared host clock cannot move), written to the
/// projection as the SaveCase activity writes it, and carried on by a real instance started with that state (the input
/// a ContinueAsNew generation gets).
/// </summary>
[Collection(OperationsCollection.Name)]
public sealed class ApprovalAndEvidenceApiTests(OperationsHostFixture host)
{
    [Fact]
    public async Task Approve_PendingEscalation_RecordsTheApprovalAndSchedulesTheEscalation()
    {
        var id = await SeedAwaitingApprovalAsync("APR-1");

        using var op = host.Operator();
        using var response = await op.PostJsonAsync($"/api/cases/{id}/raiseEvent/approve", new { });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var detail = await DetailWhenAsync(id, "ApprovalGranted", "Approved");
        Assert.Equal("Approved", detail["approval"]!["decision"].Str());
        var approved = detail["timeline"]!.AsArray().Single(e => e!["type"].Str() == "ApprovalGranted")!;
        Assert.StartsWith("operator:", approved["actor"].Str(), StringComparison.Ordinal);

        // The wall clock is far past the planned instants: the approved escalation is planned or already taken.
        var stored = await host.Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(ApprovalDecision.Approved, stored!.Approval!.Decision);
        Assert.True(stored.PlannedStep?.Stage == CaseStage.Escalated || stored.StepsTaken.ContainsKey(CaseStage.Escalated));
    }

    [Fact]
    public async Task Reject_PendingEscalation_RecordsTheReasonAndStopsTheLadder()
    {
        var id = await SeedAwaitingApprovalAsync("APR-2");

        using var op = host.Operator();
        using var response = await op.PostJsonAsync($"/api/cases/{id}/raiseEvent/reject", new { reason = "strategic customer, CFO call booked" });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var detail = await DetailWhenAsync(id, "ApprovalRejected", "Rejected");
        var rejected = detail["timeline"]!.AsArray().Single(e => e!["type"].Str() == "ApprovalRejected")!;
        Assert.Equal("strategic customer, CFO call booked", rejected["reason"].Str());
        var stored = await host.Store.GetAsync(id, CancellationToken.None);
        Assert.Equal((CaseStage.FinalNotice, ApprovalDecision.Rejected), (stored!.Stage, stored.Approval!.Decision));
        Assert.Null(stored.PlannedStep);
    }

    [Fact]
    public async Task Approve_AsReader_Forbidden()
    {
        var id = await SeedAwaitingApprovalAsync("APR-3");

        using var reader = host.Reader();
        using var response = await reader.PostJsonAsync($"/api/cases/{id}/raiseEvent/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var stored = await host.Store.GetAsync(id, CancellationToken.None);
        Assert.Equal(ApprovalDecision.Pending, stored!.Approval!.Decision);
    }

    [Fact]
    public async Task Evidence_WrittenPack_ServedAsHtmlAndJsonAndLinkedFromTheDetail()
    {
        var id = await SeedAwaitingApprovalAsync("EVD-1", name: "Evidence <script>alert(1)</script> Ltd", start: false);
        var cases = host.Store;
        var stored = await cases.GetAsync(id, CancellationToken.None);
        var pack = EvidencePackBuilder.Build(EvidenceMapper.ToInput(stored!, await cases.GetTimelineAsync(id, CancellationToken.None), OperationsHostFixture.Now));
        await host.Services.GetRequiredService<IEvidenceStore>().WriteAsync(id, pack, CancellationToken.None);

        var detail = await DetailAsync(id);
        Assert.NotNull(detail["evidence"]);
        using var reader = host.Reader();
        using var html = await reader.GetAsync(new Uri($"/api/cases/{id}/evidence?format=html", UriKind.Relative));
        using var json = await reader.GetAsync(new Uri($"/api/cases/{id}/evidence?format=json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("Evidence &lt;script&gt;alert(1)&lt;/script&gt; Ltd", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains(id, await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A grade-A account 122 days overdue, opened 2026-10-01: the final notice goes at once, escalation is due a week later
    /// and, for grade A, waits for approval. Timers are fired with the machine until the approval is requested.
    /// </summary>
    private async Task<string> SeedAwaitingApprovalAsync(string customerId, string? name = null, bool start = true)
    {
        var account = Account("appr", customerId, name ?? "Approval " + customerId, CreditGrade.A, Inv(customerId + "-1", "2026-06-01", 900m));
        var policy = host.Services.GetRequiredService<DunningPolicy>();
        var caseId = CaseIds.For(account.Key, 1);
        var at = T("2026-10-01T00:00:00Z");
        var opened = CaseMachine.Apply(
            CaseState.New(caseId, account.Key, at),
            new SnapshotApplied(D("2026-10-01"), account.CustomerName, account.Contact, account.Items, "appr_2026-10-01.csv", "sha-appr-" + customerId) { Actor = "ledger" },
            at,
            policy);
        Assert.True(opened.Accepted, opened.Rejection);
        var state = opened.State;
        var timeline = new List<TimelineEntry>(opened.Timeline);
        while (state.Approval is null && state.Next is { } next && next.At < OperationsHostFixture.Now)
        {
            var fired = CaseMachine.Apply(state, new TimerDue { Actor = "system" }, next.At, policy);
            state = fired.State;
            timeline.AddRange(fired.Timeline);
        }

        Assert.Equal(ApprovalDecision.Pending, state.Approval?.Decision);
        await host.Store.SaveAsync(state, 0, timeline, [], CancellationToken.None);
        if (start)
        {
            var input = new CaseInput(caseId, host.Services.GetRequiredService<PolicyCatalog>().CurrentVersion)
            {
                State = JsonSerializer.Serialize(state, CaseJson.Options),
                TimelineSeq = timeline.Count,
            };
            await host.Services.GetRequiredService<DurableTaskClient>().ScheduleNewOrchestrationInstanceAsync(CaseTasks.Orchestrator, input, new StartOrchestrationOptions(caseId));
        }

        return caseId;
    }

    private async Task<System.Text.Json.Nodes.JsonNode> DetailAsync(string caseId)
    {
        using var reader = host.Reader();
        return await reader.GetJsonAsync("/api/cases/" + caseId);
    }

    /// <summary>The detail once the orchestration applied the decision (state and timeline are read one after the other).</summary>
    private async Task<System.Text.Json.Nodes.JsonNode> DetailWhenAsync(string caseId, string entry, string decision)
    {
        System.Text.Json.Nodes.JsonNode? detail = null;
        await OperationsHostFixture.UntilAsync(
            async () => (detail = await DetailAsync(caseId))["timeline"]!.AsArray().Any(e => e!["type"].Str() == entry) && detail["approval"]?["decision"]?.GetValue<string>() == decision,
            $"{entry} on case {caseId}");
        return detail!;
    }
}
